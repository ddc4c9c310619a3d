#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <memory>

#include "gateway_fixture.h"
#include "server/dev_pki.h"

using namespace dvc::gateway;
using dvc::gateway::test::readFile;
using dvc::gateway::test::TempDir;

namespace {

struct CertFree {
    void operator()(X509* x) const { X509_free(x); }
};
using Cert = std::unique_ptr<X509, CertFree>;

Cert loadCert(const std::filesystem::path& file) {
    std::FILE* f = std::fopen(file.c_str(), "r");
    REQUIRE(f);
    X509* x = PEM_read_X509(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    REQUIRE(x);
    return Cert(x);
}

// X509_verify_cert of server against ca, as a TLS client checking 127.0.0.1 would.
int verify(X509* ca, X509* server, const char* ip = "127.0.0.1") {
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, ca);
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, server, nullptr);
    X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER);
    X509_VERIFY_PARAM_set1_ip_asc(X509_STORE_CTX_get0_param(ctx), ip);
    int ok = X509_verify_cert(ctx);
    int err = X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    INFO(X509_verify_cert_error_string(err));
    return ok == 1 ? X509_V_OK : err;
}

int validityDays(X509* cert) {
    int days = 0, seconds = 0;
    REQUIRE(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(cert), X509_get0_notAfter(cert)));
    return days;
}

bool extensionCritical(X509* cert, int nid) {
    int idx = X509_get_ext_by_NID(cert, nid, -1);
    REQUIRE(idx >= 0);
    return X509_EXTENSION_get_critical(X509_get_ext(cert, idx)) == 1;
}

unsigned fileMode(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("dev PKI creates a CA and a server certificate that verify for 127.0.0.1", "[pki]") {
    TempDir dir;
    auto r = ensureDevPki(dir.path() / "tls");
    REQUIRE(r.ok());
    CHECK(r->caCreated);
    CHECK(r->serverIssued);
    CHECK(r->reason == "missing");

    Cert ca = loadCert(r->files.caCert);
    Cert server = loadCert(r->files.serverCert);
    CHECK(verify(ca.get(), server.get()) == X509_V_OK);
    CHECK(X509_check_ip_asc(server.get(), "127.0.0.1", 0) == 1);
    CHECK(X509_check_host(server.get(), "localhost", 0, 0, nullptr) == 1);
    CHECK(X509_check_ip_asc(server.get(), "10.1.2.3", 0) == 0);
    CHECK(verify(ca.get(), server.get(), "10.1.2.3") == X509_V_ERR_IP_ADDRESS_MISMATCH);

    // CA: CA:TRUE critical, may sign certificates, ~10 years. Server: a leaf for TLS servers.
    CHECK(X509_check_ca(ca.get()) == 1);
    CHECK(extensionCritical(ca.get(), NID_basic_constraints));
    CHECK((X509_get_key_usage(ca.get()) & KU_KEY_CERT_SIGN) != 0);
    CHECK(validityDays(ca.get()) >= 3652);
    CHECK(X509_check_ca(server.get()) == 0);
    CHECK((X509_get_extended_key_usage(server.get()) & XKU_SSL_SERVER) != 0);
    CHECK(validityDays(server.get()) == 825);

    char group[64] = {};
    size_t len = 0;
    REQUIRE(EVP_PKEY_get_group_name(X509_get0_pubkey(server.get()), group, sizeof group, &len));
    CHECK(std::string(group) == "prime256v1");

    CHECK(fileMode(r->files.caKey) == 0600);
    CHECK(fileMode(r->files.serverKey) == 0600);
    CHECK(fileMode(dir.path() / "tls") == 0700);
}

TEST_CASE("dev PKI reuses what it made on a second run", "[pki]") {
    TempDir dir;
    auto first = ensureDevPki(dir.path() / "tls");
    REQUIRE(first.ok());
    auto caBefore = readFile(first->files.caCert);
    auto serverBefore = readFile(first->files.serverCert);
    auto keyBefore = readFile(first->files.serverKey);

    auto second = ensureDevPki(dir.path() / "tls");
    REQUIRE(second.ok());
    CHECK_FALSE(second->caCreated);
    CHECK_FALSE(second->serverIssued);
    CHECK(second->reason.empty());
    CHECK(readFile(first->files.caCert) == caBefore);
    CHECK(readFile(first->files.serverCert) == serverBefore);
    CHECK(readFile(first->files.serverKey) == keyBefore);
}

TEST_CASE("dev PKI reissues an expired server certificate and keeps the CA", "[pki]") {
    TempDir dir;
    const std::time_t longAgo = std::time(nullptr) - 900L * 24 * 3600;  // > 825 days
    auto old = ensureDevPki(dir.path() / "tls", longAgo);
    REQUIRE(old.ok());
    auto caBefore = readFile(old->files.caCert);
    auto serverBefore = readFile(old->files.serverCert);
    {
        Cert ca = loadCert(old->files.caCert);
        Cert server = loadCert(old->files.serverCert);
        CHECK(verify(ca.get(), server.get()) == X509_V_ERR_CERT_HAS_EXPIRED);
    }

    auto now = ensureDevPki(dir.path() / "tls");
    REQUIRE(now.ok());
    CHECK_FALSE(now->caCreated);
    CHECK(now->serverIssued);
    CHECK(now->reason == "expired");
    CHECK(readFile(now->files.caCert) == caBefore);
    CHECK(readFile(now->files.serverCert) != serverBefore);
    Cert ca = loadCert(now->files.caCert);
    Cert server = loadCert(now->files.serverCert);
    CHECK(verify(ca.get(), server.get()) == X509_V_OK);
}

TEST_CASE("dev PKI reissues a server certificate signed by another CA", "[pki]") {
    TempDir a, b;
    auto pa = ensureDevPki(a.path());
    auto pb = ensureDevPki(b.path());
    REQUIRE(pa.ok());
    REQUIRE(pb.ok());
    std::filesystem::copy_file(pb->files.serverCert, pa->files.serverCert,
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(pb->files.serverKey, pa->files.serverKey,
                               std::filesystem::copy_options::overwrite_existing);
    auto again = ensureDevPki(a.path());
    REQUIRE(again.ok());
    CHECK(again->serverIssued);
    CHECK(again->reason == "not signed by the present CA");
    Cert ca = loadCert(again->files.caCert);
    Cert server = loadCert(again->files.serverCert);
    CHECK(verify(ca.get(), server.get()) == X509_V_OK);
}

TEST_CASE("dev PKI refuses to replace an incomplete CA", "[pki]") {
    TempDir dir;
    auto files = TlsFiles::in(dir.path());
    {
        std::FILE* f = std::fopen(files.caCert.c_str(), "w");
        REQUIRE(f);
        std::fputs("not really a certificate\n", f);
        std::fclose(f);
    }
    auto r = ensureDevPki(dir.path());
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error(), Catch::Contains("refusing to overwrite"));
    CHECK(readFile(files.caCert) == "not really a certificate\n");
    CHECK_FALSE(std::filesystem::exists(files.caKey));
}
