// A back end that answers garbage, too slowly or too much: the kiosk must say so plainly and
// never hang. The server here is the test's own TLS server, using a certificate from a real
// dvc-gateway data folder so that verification passes and only the answers are wrong.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <thread>

#include "gateway_process.h"
#include "https_portal_client.h"
#include "session/session.h"
#include "session/worker_pool.h"

using namespace dvc;
using namespace std::chrono_literals;

namespace {

constexpr const char* kCode = "000.00.19.H42-261123-0001";

class MisbehavingGateway {
public:
    explicit MisbehavingGateway(const std::filesystem::path& tls)
        : server_((tls / "server.pem").c_str(), (tls / "server.key").c_str()) {
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(5ms);
    }
    ~MisbehavingGateway() {
        server_.stop();
        thread_.join();
    }
    httplib::SSLServer& server() { return server_; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

private:
    httplib::SSLServer server_;
    int port_ = 0;
    std::thread thread_;
};

PortalErrorKind lookupThrough(const std::string& url, const std::filesystem::path& ca,
                              std::string* errorKey = nullptr) {
    BackendConfig b;
    b.url = url;
    b.caFile = ca;
    b.connectTimeoutMs = 1000;
    b.requestTimeoutMs = 700;
    HttpsPortalClient portal(b, "KIOSK-IT-002");
    WorkerPool pool(1);
    Session session(SessionSettings{"KIOSK-IT-002", Language::English, 60s, 10s, 3600s, 1000ms},
                    portal, pool, nullptr);
    session.openStatusLookup();
    session.appendToCode(kCode);
    session.submitCode();
    REQUIRE(session.waitForPendingWork(10s));
    REQUIRE(session.lookupPhase() == LookupPhase::Failed);
    if (errorKey) *errorKey = session.errorKey();
    auto direct = portal.dossierStatus(kCode);
    REQUIRE_FALSE(direct.ok());
    return direct.error().kind;
}

}  // namespace

TEST_CASE("a back end answering garbage, slowly, or not the API") {
    test::GatewayProcess real("tls-source");
    const auto tls = real.dataDir() / "tls";
    MisbehavingGateway bad(tls);
    auto& s = bad.server();
    s.Get("/api/v1/dossiers/.*", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("{\"code\": \"000.00.19.H42-261123-0001\", \"status\": ", "application/json");
    });
    s.Get("/slow/api/v1/dossiers/.*", [](const httplib::Request&, httplib::Response& res) {
        std::this_thread::sleep_for(2s);
        res.set_content("{}", "application/json");
    });
    s.Get("/html/api/v1/dossiers/.*", [](const httplib::Request&, httplib::Response& res) {
        res.status = 404;
        res.set_content("<html><body>nginx</body></html>", "text/html");
    });
    s.Get("/crash/api/v1/dossiers/.*", [](const httplib::Request&, httplib::Response& res) {
        res.status = 502;
        res.set_content("Bad Gateway", "text/plain");
    });
    s.Get("/huge/api/v1/dossiers/.*", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(6 * 1024 * 1024, '['), "application/json");
    });
    s.Get("/other/api/v1/dossiers/.*", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"code":"000.00.19.H42-261123-0002","procedure_code":"1",
            "procedure_name":"x","applicant_name":"y","received_at":"r","due_at":"d",
            "status":"dang_xu_ly","history":[]})",
                        "application/json");
    });

    std::string key;
    SECTION("malformed JSON") {
        CHECK(lookupThrough(bad.url(), real.caFile(), &key) == PortalErrorKind::BadResponse);
        CHECK(key == "error.bad_response");
    }
    SECTION("no answer in time") {
        auto started = std::chrono::steady_clock::now();
        CHECK(lookupThrough(bad.url() + "/slow", real.caFile(), &key) == PortalErrorKind::Timeout);
        CHECK(key == "error.timeout");
        CHECK(std::chrono::steady_clock::now() - started < 6s);
    }
    SECTION("a web server's 404 page is not 'dossier not found'") {
        CHECK(lookupThrough(bad.url() + "/html", real.caFile(), &key) ==
              PortalErrorKind::BadResponse);
    }
    SECTION("a proxy's 502") {
        CHECK(lookupThrough(bad.url() + "/crash", real.caFile(), &key) ==
              PortalErrorKind::ServerError);
        CHECK(key == "error.server_error");
    }
    SECTION("an answer too big to be a dossier") {
        CHECK(lookupThrough(bad.url() + "/huge", real.caFile()) == PortalErrorKind::BadResponse);
    }
    SECTION("an answer about another dossier") {
        CHECK(lookupThrough(bad.url() + "/other", real.caFile()) == PortalErrorKind::BadResponse);
    }
}
