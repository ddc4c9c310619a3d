#include "card/sim/test_pki.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <fstream>

#include "identity/emrtd/openssl_ptr.h"

namespace dvc::card::sim {
namespace {

using namespace std::chrono_literals;
namespace ossl = emrtd::ossl;
using Clock = std::chrono::system_clock;

constexpr auto kYear = 24h * 365;

std::string lastError(const std::string& what) {
    unsigned long err = ERR_get_error();
    ERR_clear_error();
    const char* reason = err ? ERR_reason_error_string(err) : nullptr;
    return what + (reason ? std::string(": ") + reason : std::string());
}

ossl::Key generateKey(KeyKind kind) {
    if (kind == KeyKind::Rsa2048)
        return ossl::Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)));
    return ossl::Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

std::string bioText(BIO* bio) {
    char* data = nullptr;
    long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

bool setName(X509_NAME* name, const std::string& commonName) {
    auto add = [&](const char* field, const std::string& value) {
        return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                          reinterpret_cast<const unsigned char*>(value.c_str()), -1,
                                          -1, 0) == 1;
    };
    return add("C", "VN") && add("O", "Simulated issuer (TEST ONLY)") && add("CN", commonName);
}

bool addExtension(X509* cert, X509V3_CTX* ctx, int nid, const char* value) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value);
    if (!ext) return false;
    bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool randomSerial(X509* cert) {
    unsigned char bytes[8];
    if (RAND_bytes(bytes, sizeof bytes) != 1) return false;
    bytes[0] &= 0x7F;
    BIGNUM* bn = BN_bin2bn(bytes, sizeof bytes, nullptr);
    if (!bn) return false;
    bool ok = BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert)) != nullptr;
    BN_free(bn);
    return ok;
}

Result<Credential, std::string> finish(X509* cert, EVP_PKEY* key, Clock::time_point notBefore,
                                       Clock::time_point notAfter) {
    Credential out;
    out.notBefore = notBefore;
    out.notAfter = notAfter;
    unsigned char* der = nullptr;
    int n = i2d_X509(cert, &der);
    if (n <= 0) return fail(lastError("i2d_X509"));
    out.certificateDer.assign(der, der + n);
    OPENSSL_free(der);
    ossl::Bio pem(BIO_new(BIO_s_mem()));
    if (!pem || PEM_write_bio_X509(pem.get(), cert) != 1) return fail(lastError("PEM certificate"));
    out.certificatePem = bioText(pem.get());
    ossl::Bio keyPem(BIO_new(BIO_s_mem()));
    if (!keyPem ||
        PEM_write_bio_PrivateKey(keyPem.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return fail(lastError("PEM key"));
    out.privateKeyPem = bioText(keyPem.get());
    return out;
}

ossl::Cert readCert(const std::string& pem) {
    ossl::Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return ossl::Cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

ossl::Key readKey(const std::string& pem) {
    ossl::Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return ossl::Key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

bool setValidity(X509* cert, Clock::time_point notBefore, Clock::time_point notAfter) {
    return ASN1_TIME_set(X509_getm_notBefore(cert), Clock::to_time_t(notBefore)) &&
           ASN1_TIME_set(X509_getm_notAfter(cert), Clock::to_time_t(notAfter));
}

}  // namespace

Result<Credential, std::string> makeCsca(const std::string& commonName, KeyKind kind,
                                         Clock::time_point notBefore, Clock::time_point notAfter) {
    ossl::Key key = generateKey(kind);
    ossl::Cert cert(X509_new());
    if (!key || !cert) return fail(lastError("CSCA key"));
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    if (X509_set_version(cert.get(), 2) != 1 || !randomSerial(cert.get()) ||
        !setValidity(cert.get(), notBefore, notAfter) ||
        !setName(X509_get_subject_name(cert.get()), commonName) ||
        X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get())) != 1 ||
        X509_set_pubkey(cert.get(), key.get()) != 1 ||
        !addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
        !addExtension(cert.get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash") ||
        X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return fail(lastError("CSCA certificate"));
    return finish(cert.get(), key.get(), notBefore, notAfter);
}

Result<Credential, std::string> issueDocumentSigner(const Credential& csca, KeyKind kind,
                                                    Clock::time_point notBefore,
                                                    Clock::time_point notAfter) {
    ossl::Cert issuer = readCert(csca.certificatePem);
    ossl::Key issuerKey = readKey(csca.privateKeyPem);
    ossl::Key key = generateKey(kind);
    ossl::Cert cert(X509_new());
    if (!issuer || !issuerKey || !key || !cert) return fail(lastError("DS inputs"));
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer.get(), cert.get(), nullptr, nullptr, 0);
    if (X509_set_version(cert.get(), 2) != 1 || !randomSerial(cert.get()) ||
        !setValidity(cert.get(), notBefore, notAfter) ||
        !setName(X509_get_subject_name(cert.get()), "Document Signer VN TEST") ||
        X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer.get())) != 1 ||
        X509_set_pubkey(cert.get(), key.get()) != 1 ||
        !addExtension(cert.get(), &ctx, NID_key_usage, "critical,digitalSignature") ||
        !addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always") ||
        X509_sign(cert.get(), issuerKey.get(), EVP_sha256()) <= 0)
        return fail(lastError("DS certificate"));
    return finish(cert.get(), key.get(), notBefore, notAfter);
}

Result<TestPki, std::string> generateTestPki(const TestPkiOptions& options) {
    const auto now = options.now;
    const std::string cscaName = "CSCA VN TEST";
    auto csca = makeCsca(cscaName, options.cscaKey, now - 12 * kYear, now + 15 * kYear);
    if (!csca) return fail(csca.error());
    auto impostor = makeCsca(cscaName, KeyKind::EcP256, now - 12 * kYear, now + 15 * kYear);
    if (!impostor) return fail(impostor.error());
    auto foreign =
        makeCsca("CSCA ELSEWHERE TEST", KeyKind::EcP256, now - 12 * kYear, now + 15 * kYear);
    if (!foreign) return fail(foreign.error());

    Clock::time_point notBefore = now - 24h * 30, notAfter = now + 10 * kYear;
    if (options.dsValidity == DsValidity::Expired) {
        notBefore = now - 11 * kYear;
        notAfter = now - kYear;
    } else if (options.dsValidity == DsValidity::NotYetValid) {
        notBefore = now + 24h * 30;
        notAfter = now + 10 * kYear;
    }
    auto ds = issueDocumentSigner(*csca, options.dsKey, notBefore, notAfter);
    if (!ds) return fail(ds.error());
    return TestPki{*csca, *ds, *impostor, *foreign};
}

Result<std::filesystem::path, std::string> writeCertificatePem(const Credential& credential,
                                                               const std::filesystem::path& dir,
                                                               const std::string& name) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return fail("cannot create " + dir.string());
    auto path = dir / (name + ".pem");
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << credential.certificatePem;
    if (!out) return fail("cannot write " + path.string());
    return path;
}

}  // namespace dvc::card::sim
