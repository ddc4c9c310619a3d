#include "gateway_fixture.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "server/seed_loader.h"

namespace dvc::gateway::test {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dvc-gw-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::filesystem::path testSeedDir() {
    return DVC_TEST_SEED_DIR;
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

GatewayFixture::GatewayFixture(std::size_t payloadLimit) {
    auto p = ensureDevPki(dir.path() / "tls");
    REQUIRE(p.ok());
    pki = p.value();
    auto s = GatewayStore::open(dir.path() / "gateway.db");
    REQUIRE(s.ok());
    store = std::move(s).value();
    auto seeded = seedOnce(*store, testSeedDir());
    REQUIRE(seeded.ok());
    REQUIRE(seeded->seeded);
    server = std::make_unique<GatewayServer>(*store);
    GatewayOptions options;
    options.certificate = pki.files.serverCert;
    options.privateKey = pki.files.serverKey;
    options.payloadLimit = payloadLimit;
    auto started = server->start(options);
    INFO((started.ok() ? std::string() : started.error()));
    REQUIRE(started.ok());
    port = *started;
    REQUIRE(port > 0);
}

GatewayFixture::~GatewayFixture() {
    server->stop();
}

std::unique_ptr<httplib::SSLClient> GatewayFixture::client() const {
    auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    c->set_ca_cert_path(pki.files.caCert.c_str());
    c->enable_server_certificate_verification(true);
    c->set_connection_timeout(5, 0);
    c->set_read_timeout(5, 0);
    return c;
}

nlohmann::json bodyJson(const httplib::Result& res) {
    REQUIRE(res);
    INFO(res->body);
    return nlohmann::json::parse(res->body);
}

}  // namespace dvc::gateway::test
