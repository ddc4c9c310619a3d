#include "identity/emrtd/passive_auth.h"

#include <openssl/err.h>

#include <ctime>

#include "identity/emrtd/openssl_ptr.h"
#include "identity/emrtd/sod.h"

namespace dvc::emrtd {
namespace {

// Signature algorithms as they appear in SignerInfo.signatureAlgorithm on eMRTDs.
constexpr const char* kSignatureOids[] = {
    "1.2.840.113549.1.1.1",   // rsaEncryption (PKCS#1 v1.5, hash from digestAlgorithm)
    "1.2.840.113549.1.1.5",   // sha1WithRSAEncryption
    "1.2.840.113549.1.1.14",  // sha224WithRSAEncryption
    "1.2.840.113549.1.1.11",  // sha256WithRSAEncryption
    "1.2.840.113549.1.1.12",  // sha384WithRSAEncryption
    "1.2.840.113549.1.1.13",  // sha512WithRSAEncryption
    "1.2.840.113549.1.1.10",  // RSASSA-PSS
    "1.2.840.10045.2.1",      // ecPublicKey (some issuers put the key type here)
    "1.2.840.10045.4.1",      // ecdsa-with-SHA1
    "1.2.840.10045.4.3.1",    // ecdsa-with-SHA224
    "1.2.840.10045.4.3.2",    // ecdsa-with-SHA256
    "1.2.840.10045.4.3.3",    // ecdsa-with-SHA384
    "1.2.840.10045.4.3.4",    // ecdsa-with-SHA512
};

bool acceptedSignatureOid(const std::string& oid) {
    for (const char* known : kSignatureOids)
        if (oid == known) return true;
    return false;
}

PassiveAuthResult notVerified(PaReason reason, std::string detail = {}, int dg = 0) {
    PassiveAuthResult r;
    r.verdict = PaVerdict::NotVerified;
    r.reason = reason;
    r.detail = std::move(detail);
    r.dataGroup = dg;
    return r;
}

std::string opensslReason() {
    unsigned long err = ERR_get_error();
    std::string out;
    if (err != 0) {
        const char* reason = ERR_reason_error_string(err);
        out = reason ? reason : "openssl error";
    }
    ERR_clear_error();
    return out;
}

ossl::Cert decodeCert(const Bytes& der) {
    const unsigned char* p = der.data();
    return ossl::Cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

}  // namespace

PassiveAuthResult verifyPassive(ByteView sodFile, const std::map<int, Bytes>& dataGroups,
                                const CscaStore* store, std::chrono::system_clock::time_point now) {
    ERR_clear_error();
    if (!store || store->empty()) return notVerified(PaReason::NoCscaTrustStore);

    auto sod = parseSod(sodFile);
    if (!sod) {
        ERR_clear_error();
        return notVerified(PaReason::SodMalformed, describe(sod.error()));
    }
    const std::string hashName = hashNameForOid(sod->hashAlgorithmOid);
    if (hashName.empty())
        return notVerified(PaReason::UnsupportedAlgorithm, "LDSSO hash " + sod->hashAlgorithmOid);
    if (hashNameForOid(sod->digestAlgorithmOid).empty())
        return notVerified(PaReason::UnsupportedAlgorithm, "digest " + sod->digestAlgorithmOid);
    if (!acceptedSignatureOid(sod->signatureAlgorithmOid))
        return notVerified(PaReason::UnsupportedAlgorithm,
                           "signature " + sod->signatureAlgorithmOid);

    // 1. The SOD's signature, by the DS certificate it carries.
    const unsigned char* p = sod->signedData.data();
    ossl::Cms cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(sod->signedData.size())));
    if (!cms) return notVerified(PaReason::SodMalformed, opensslReason());
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
    ossl::CertStack carried(CMS_get1_certs(cms.get()));
    X509* ds = nullptr;
    for (int i = 0; carried && i < sk_X509_num(carried.get()); ++i)
        if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(carried.get(), i)) == 0)
            ds = sk_X509_value(carried.get(), i);
    if (!ds) return notVerified(PaReason::NoDsCertificate);

    ossl::CertStack signer(sk_X509_new_null());
    if (!signer || !sk_X509_push(signer.get(), X509_dup(ds)))
        return notVerified(PaReason::SodMalformed, "out of memory");
    // NO_SIGNER_CERT_VERIFY: the chain is checked below against our own CSCA store, so that
    // each failure gets its own reason. CMS_verify still checks the signed attributes'
    // signature and the messageDigest against the eContent.
    if (CMS_verify(cms.get(), signer.get(), nullptr, nullptr, nullptr,
                   CMS_NO_SIGNER_CERT_VERIFY | CMS_NOINTERN | CMS_BINARY) != 1)
        return notVerified(PaReason::SignatureInvalid, opensslReason());

    // 2. The DS certificate against the trusted CSCAs.
    bool nameKnown = false;
    bool signedByCsca = false;
    for (const auto& der : store->certificates()) {
        auto csca = decodeCert(der);
        if (!csca) continue;
        if (X509_NAME_cmp(X509_get_subject_name(csca.get()), X509_get_issuer_name(ds)) != 0)
            continue;
        nameKnown = true;
        EVP_PKEY* key = X509_get0_pubkey(csca.get());
        if (key && X509_verify(ds, key) == 1) {
            signedByCsca = true;
            break;
        }
    }
    ERR_clear_error();
    if (!nameKnown) return notVerified(PaReason::CscaUnknown);
    if (!signedByCsca) return notVerified(PaReason::DsNotSignedByCsca);

    // 3. Every data group read against its signed hash (a DG in the SOD but not read is fine).
    PassiveAuthResult result;
    for (const auto& [dg, content] : dataGroups) {
        auto expected = sod->dataGroupHashes.find(dg);
        if (expected == sod->dataGroupHashes.end())
            return notVerified(PaReason::DgNotInSod, "DG" + std::to_string(dg), dg);
        if (digest(hashName, content) != expected->second)
            return notVerified(PaReason::DgHashMismatch, "DG" + std::to_string(dg), dg);
        result.verifiedDataGroups.push_back(dg);
    }

    // 4. Validity of the DS certificate. The DS key signs for a short period but its
    // certificate must stay valid as long as the documents it signed (9303-12 §7.1.2); so:
    // signed while valid and not yet expired → Verified; expired now but signed inside the
    // validity (or signing time unknown) → VerifiedWithWarning: the data is genuine.
    std::time_t nowT = std::chrono::system_clock::to_time_t(now);
    if (X509_cmp_time(X509_get0_notBefore(ds), &nowT) > 0)
        return notVerified(PaReason::DsCertificateNotYetValid);
    if (sod->signingTime) {
        std::time_t signedT = std::chrono::system_clock::to_time_t(*sod->signingTime);
        if (X509_cmp_time(X509_get0_notBefore(ds), &signedT) > 0 ||
            X509_cmp_time(X509_get0_notAfter(ds), &signedT) < 0)
            return notVerified(PaReason::SignedOutsideDsValidity);
    }
    result.verdict = PaVerdict::Verified;
    if (X509_cmp_time(X509_get0_notAfter(ds), &nowT) < 0) {
        result.verdict = PaVerdict::VerifiedWithWarning;
        result.reason = PaReason::DsCertificateExpired;
    }
    result.detail = hashName + ", signature " + sod->signatureAlgorithmOid;
    return result;
}

const char* paVerdictName(PaVerdict verdict) {
    switch (verdict) {
        case PaVerdict::Verified:
            return "verified";
        case PaVerdict::VerifiedWithWarning:
            return "verified_with_warning";
        case PaVerdict::NotVerified:
            return "not_verified";
    }
    return "unknown";
}

const char* paReasonName(PaReason reason) {
    switch (reason) {
        case PaReason::None:
            return "none";
        case PaReason::NoCscaTrustStore:
            return "no_csca_trust_store";
        case PaReason::SodMalformed:
            return "sod_malformed";
        case PaReason::UnsupportedAlgorithm:
            return "unsupported_algorithm";
        case PaReason::NoDsCertificate:
            return "no_ds_certificate";
        case PaReason::SignatureInvalid:
            return "signature_invalid";
        case PaReason::CscaUnknown:
            return "csca_unknown";
        case PaReason::DsNotSignedByCsca:
            return "ds_not_signed_by_csca";
        case PaReason::DsCertificateNotYetValid:
            return "ds_certificate_not_yet_valid";
        case PaReason::SignedOutsideDsValidity:
            return "signed_outside_ds_validity";
        case PaReason::DsCertificateExpired:
            return "ds_certificate_expired";
        case PaReason::DgHashMismatch:
            return "dg_hash_mismatch";
        case PaReason::DgNotInSod:
            return "dg_not_in_sod";
    }
    return "unknown";
}

std::string i18nKey(const PassiveAuthResult& result) {
    switch (result.verdict) {
        case PaVerdict::Verified:
            return "emrtd.pa.verified";
        case PaVerdict::VerifiedWithWarning:
            return std::string("emrtd.pa.verified_with_warning.") + paReasonName(result.reason);
        case PaVerdict::NotVerified:
            break;
    }
    return std::string("emrtd.pa.not_verified.") + paReasonName(result.reason);
}

std::string fillPassiveAuthMessage(std::string message, const PassiveAuthResult& result) {
    const std::string placeholder = "{dg}";
    auto at = message.find(placeholder);
    if (at != std::string::npos)
        message.replace(at, placeholder.size(), "DG" + std::to_string(result.dataGroup));
    return message;
}

}  // namespace dvc::emrtd
