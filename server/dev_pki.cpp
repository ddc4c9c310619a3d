#include "server/dev_pki.h"

#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace dvc::gateway {

namespace {

namespace fs = std::filesystem;

template <auto Free>
struct Deleter {
    template <class T>
    void operator()(T* p) const {
        Free(p);
    }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509_free>>;
using KeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

constexpr int kCaDays = 3653;           // 10 years
constexpr int kServerDays = 825;        // the CA/Browser Forum ceiling clients still accept
constexpr long kBackdateSeconds = 300;  // tolerate small clock differences
constexpr long kRenewMarginSeconds = 24 * 3600;

// A failure with OpenSSL's own reason appended.
std::string sslError(const std::string& what) {
    std::string out = what;
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        out += out == what ? ": " : "; ";
        out += buf;
    }
    return out;
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

KeyPtr generateP256() {
    KeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0 ||
        EVP_PKEY_CTX_set_group_name(ctx.get(), "P-256") <= 0)
        return nullptr;
    EVP_PKEY* key = nullptr;
    if (EVP_PKEY_generate(ctx.get(), &key) <= 0) return nullptr;
    return KeyPtr(key);
}

bool addName(X509_NAME* name, const char* field, const char* value) {
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(value), -1, -1,
                                      0) == 1;
}

struct CertSpec {
    const char* commonName;
    int days;
    std::vector<std::pair<int, const char*>> extensions;  // NID, OpenSSL config value
};

// Issues a certificate for key; self-signed when issuer is null.
CertPtr issue(const CertSpec& spec, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuerKey,
              std::time_t now) {
    CertPtr cert(X509_new());
    BnPtr serial(BN_new());
    if (!cert || !serial || X509_set_version(cert.get(), 2) != 1) return nullptr;
    if (BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return nullptr;
    if (!X509_time_adj_ex(X509_getm_notBefore(cert.get()), 0, -kBackdateSeconds, &now) ||
        !X509_time_adj_ex(X509_getm_notAfter(cert.get()), spec.days, 0, &now))
        return nullptr;
    X509_NAME* subject = X509_get_subject_name(cert.get());
    if (!addName(subject, "O", "dvc-kiosk") || !addName(subject, "CN", spec.commonName))
        return nullptr;
    if (X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : subject) != 1 ||
        X509_set_pubkey(cert.get(), key) != 1)
        return nullptr;
    X509V3_CTX v3;
    X509V3_set_ctx_nodb(&v3);
    X509V3_set_ctx(&v3, issuer ? issuer : cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto& [nid, value] : spec.extensions) {
        ExtPtr ext(X509V3_EXT_nconf_nid(nullptr, &v3, nid, value));
        if (!ext || X509_add_ext(cert.get(), ext.get(), -1) != 1) return nullptr;
    }
    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0) return nullptr;
    return cert;
}

// Writes through a temporary file and rename(), so a crash never leaves half a PEM behind.
template <class Write>
Result<bool, std::string> writeAtomically(const fs::path& path, mode_t mode, Write write) {
    fs::path tmp = path;
    tmp += ".tmp";
    ::unlink(tmp.c_str());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return fail("cannot create " + tmp.string() + ": " + std::strerror(errno));
    FilePtr f(::fdopen(fd, "w"));
    if (!f) {
        ::close(fd);
        return fail("cannot open " + tmp.string());
    }
    bool ok = write(f.get()) && std::fflush(f.get()) == 0 && ::fsync(fd) == 0;
    f.reset();
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::string why = ok ? std::strerror(errno) : sslError("PEM encoding failed");
        ::unlink(tmp.c_str());
        return fail("cannot write " + path.string() + ": " + why);
    }
    return true;
}

Result<bool, std::string> writeKey(const fs::path& path, EVP_PKEY* key) {
    return writeAtomically(path, 0600, [key](std::FILE* f) {
        return PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    });
}

Result<bool, std::string> writeCert(const fs::path& path, X509* cert) {
    return writeAtomically(path, 0644,
                           [cert](std::FILE* f) { return PEM_write_X509(f, cert) == 1; });
}

CertPtr readCert(const fs::path& path) {
    FilePtr f(std::fopen(path.c_str(), "r"));
    return CertPtr(f ? PEM_read_X509(f.get(), nullptr, nullptr, nullptr) : nullptr);
}

KeyPtr readKey(const fs::path& path) {
    FilePtr f(std::fopen(path.c_str(), "r"));
    return KeyPtr(f ? PEM_read_PrivateKey(f.get(), nullptr, nullptr, nullptr) : nullptr);
}

bool expiresBefore(X509* cert, std::time_t t) {
    return X509_cmp_time(X509_get0_notAfter(cert), &t) <= 0;
}

// Why the server certificate needs issuing again, or empty when it is fine.
std::string serverCertProblem(const TlsFiles& files, X509* ca, std::time_t now) {
    std::error_code ec;
    if (!fs::exists(files.serverCert, ec) || !fs::exists(files.serverKey, ec)) return "missing";
    CertPtr cert = readCert(files.serverCert);
    KeyPtr key = readKey(files.serverKey);
    ERR_clear_error();
    if (!cert || !key) return "unreadable";
    if (X509_check_private_key(cert.get(), key.get()) != 1) return "key does not match";
    EVP_PKEY* caKey = X509_get0_pubkey(ca);
    if (X509_check_issued(ca, cert.get()) != X509_V_OK || !caKey ||
        X509_verify(cert.get(), caKey) != 1)
        return "not signed by the present CA";
    if (expiresBefore(cert.get(), now + kRenewMarginSeconds)) return "expired";
    std::time_t notYet = now + kBackdateSeconds;
    if (X509_cmp_time(X509_get0_notBefore(cert.get()), &notYet) > 0) return "not yet valid";
    if (X509_check_ip_asc(cert.get(), "127.0.0.1", 0) != 1) return "not valid for 127.0.0.1";
    ERR_clear_error();
    return {};
}

}  // namespace

TlsFiles TlsFiles::in(const std::filesystem::path& dir) {
    return {dir / "ca.pem", dir / "ca.key", dir / "server.pem", dir / "server.key"};
}

Result<PkiReport, std::string> ensureDevPki(const std::filesystem::path& dir, std::time_t now) {
    PkiReport report;
    report.files = TlsFiles::in(dir);
    const TlsFiles& files = report.files;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (!fs::create_directories(dir, ec) && !fs::is_directory(dir))
            return fail("cannot create " + dir.string() + ": " + ec.message());
        fs::permissions(dir, fs::perms::owner_all, ec);
    }

    bool haveCert = fs::exists(files.caCert, ec);
    bool haveKey = fs::exists(files.caKey, ec);
    CertPtr ca;
    KeyPtr caKey;
    if (haveCert && haveKey) {
        ca = readCert(files.caCert);
        caKey = readKey(files.caKey);
        if (!ca || !caKey) return fail(sslError("cannot read the CA in " + dir.string()));
        if (X509_check_private_key(ca.get(), caKey.get()) != 1)
            return fail(
                sslError(files.caKey.string() + " does not belong to " + files.caCert.string()));
        if (expiresBefore(ca.get(), now))
            return fail("the development CA " + files.caCert.string() +
                        " has expired; move ca.pem and ca.key away to create a new one (kiosks "
                        "must then pin the new CA)");
    } else if (haveCert || haveKey) {
        return fail("incomplete CA in " + dir.string() + ": found only " +
                    (haveCert ? files.caCert : files.caKey).string() +
                    "; refusing to overwrite it");
    } else {
        caKey = generateP256();
        if (!caKey) return fail(sslError("cannot generate the CA key"));
        ca = issue({"dvc-gateway development CA",
                    kCaDays,
                    {{NID_basic_constraints, "critical,CA:TRUE"},
                     {NID_key_usage, "critical,keyCertSign,cRLSign"},
                     {NID_subject_key_identifier, "hash"}}},
                   caKey.get(), nullptr, nullptr, now);
        if (!ca) return fail(sslError("cannot create the CA certificate"));
        // Key first: a CA certificate without its key would block every later start.
        if (auto r = writeKey(files.caKey, caKey.get()); !r) return fail(r.error());
        if (auto r = writeCert(files.caCert, ca.get()); !r) return fail(r.error());
        report.caCreated = true;
    }

    report.reason = serverCertProblem(files, ca.get(), now);
    if (report.reason.empty()) return report;

    KeyPtr key = generateP256();
    if (!key) return fail(sslError("cannot generate the server key"));
    CertPtr cert = issue({"localhost",
                          kServerDays,
                          {{NID_basic_constraints, "critical,CA:FALSE"},
                           {NID_key_usage, "critical,digitalSignature"},
                           {NID_ext_key_usage, "serverAuth"},
                           {NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"},
                           {NID_subject_key_identifier, "hash"},
                           {NID_authority_key_identifier, "keyid:always"}}},
                         key.get(), ca.get(), caKey.get(), now);
    if (!cert) return fail(sslError("cannot create the server certificate"));
    if (auto r = writeKey(files.serverKey, key.get()); !r) return fail(r.error());
    if (auto r = writeCert(files.serverCert, cert.get()); !r) return fail(r.error());
    report.serverIssued = true;
    return report;
}

}  // namespace dvc::gateway
