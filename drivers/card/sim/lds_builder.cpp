#include "card/sim/lds_builder.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "card/sim/personas_portrait.h"
#include "identity/emrtd/dg13.h"
#include "identity/emrtd/face_image.h"
#include "identity/emrtd/lds.h"
#include "identity/emrtd/mrz.h"
#include "identity/emrtd/openssl_ptr.h"
#include "identity/emrtd/sod.h"
#include "imaging/image_codec.h"

namespace dvc::card::sim {
namespace {

using emrtd::Bytes;
namespace ossl = emrtd::ossl;

std::string lastError(const std::string& what) {
    unsigned long err = ERR_get_error();
    ERR_clear_error();
    const char* reason = err ? ERR_reason_error_string(err) : nullptr;
    return what + (reason ? std::string(": ") + reason : std::string());
}

ossl::Cert readCert(const std::string& pem) {
    ossl::Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return ossl::Cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

ossl::Key readKey(const std::string& pem) {
    ossl::Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return ossl::Key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

std::uint32_t seedOf(const std::string& s) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

std::string mrzPrimary(const std::string& fullName) {
    std::string letters = emrtd::mrzLetters(fullName);
    auto space = letters.find('<');
    return letters.substr(0, space);
}

std::string mrzSecondary(const std::string& fullName) {
    std::string letters = emrtd::mrzLetters(fullName);
    auto space = letters.find('<');
    return space == std::string::npos ? std::string() : letters.substr(space + 1);
}

emrtd::Dg13 dg13Of(const Persona& p) {
    emrtd::Dg13 d;
    d.personalNumber = p.personalNumber;
    d.fullName = p.fullName;
    d.dateOfBirth = Persona::ddmmyyyy(p.dateOfBirth);
    d.gender = p.genderText();
    d.nationality = p.nationality;
    d.ethnicity = p.ethnicity;
    d.religion = p.religion;
    d.placeOfOrigin = p.placeOfOrigin;
    d.placeOfResidence = p.placeOfResidence;
    d.identifyingMarks = p.identifyingMarks;
    d.issueDate = Persona::ddmmyyyy(p.issueDate);
    d.expiryDate = p.expiryDate ? Persona::ddmmyyyy(*p.expiryDate) : "Không thời hạn";
    d.fatherName = p.fatherName;
    d.motherName = p.motherName;
    d.spouseName = p.spouseName;
    d.oldIdNumber = p.oldIdNumber;
    return d;
}

}  // namespace

Result<Bytes, std::string> signSod(const Bytes& ldsSecurityObject, const Credential& signer,
                                   const std::string& hashName, bool rsaPss,
                                   std::chrono::system_clock::time_point signingTime,
                                   bool wrongKey) {
    ossl::Cert cert = readCert(signer.certificatePem);
    ossl::Key key = readKey(signer.privateKeyPem);
    if (!cert || !key) return fail(lastError("signer credential"));
    const EVP_MD* md = EVP_get_digestbyname(hashName.c_str());
    if (!md) return fail("unknown hash " + hashName);

    ossl::Cert signingCert;
    if (wrongKey) {
        // Same issuer and serial as the DS (so the SignerInfo points at the DS certificate),
        // but a key the DS certificate does not hold.
        key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        signingCert.reset(X509_dup(cert.get()));
        if (!key || !signingCert || X509_set_pubkey(signingCert.get(), key.get()) != 1)
            return fail(lastError("wrong-key signer"));
    }

    const unsigned flags = CMS_BINARY | CMS_NOSMIMECAP | CMS_PARTIAL;
    ossl::Cms cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    if (!cms) return fail(lastError("CMS_sign"));
    ASN1_OBJECT* type = OBJ_txt2obj(emrtd::kLdsSecurityObjectOid, 1);
    bool typeSet = type && CMS_set1_eContentType(cms.get(), type) == 1;
    ASN1_OBJECT_free(type);
    if (!typeSet) return fail(lastError("eContentType"));

    unsigned signerFlags = flags | (rsaPss ? CMS_KEY_PARAM : 0u) | (wrongKey ? CMS_NOCERTS : 0u);
    CMS_SignerInfo* si = CMS_add1_signer(cms.get(), wrongKey ? signingCert.get() : cert.get(),
                                         key.get(), md, signerFlags);
    if (!si) return fail(lastError("CMS_add1_signer"));
    if (rsaPss) {
        EVP_PKEY_CTX* pctx = CMS_SignerInfo_get0_pkey_ctx(si);
        if (!pctx || EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
            EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0)
            return fail(lastError("RSA-PSS"));
    }
    if (wrongKey && CMS_add1_cert(cms.get(), cert.get()) != 1)
        return fail(lastError("add DS cert"));

    ASN1_TIME* when = ASN1_TIME_set(nullptr, std::chrono::system_clock::to_time_t(signingTime));
    bool timeSet =
        when && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, when->type, when, -1) == 1;
    ASN1_TIME_free(when);
    if (!timeSet) return fail(lastError("signingTime"));

    ossl::Bio content(
        BIO_new_mem_buf(ldsSecurityObject.data(), static_cast<int>(ldsSecurityObject.size())));
    if (!content || CMS_final(cms.get(), content.get(), nullptr, CMS_BINARY) != 1)
        return fail(lastError("CMS_final"));

    unsigned char* der = nullptr;
    int n = i2d_CMS_ContentInfo(cms.get(), &der);
    if (n <= 0) return fail(lastError("i2d_CMS_ContentInfo"));
    Bytes signedData(der, der + n);
    OPENSSL_free(der);
    return emrtd::encodeTlv(emrtd::kSodTag, signedData);
}

Result<CardContents, std::string> buildCardContents(const Persona& persona, const TestPki& pki,
                                                    const LdsBuildOptions& options) {
    CardContents card;
    card.access.documentNumber = persona.documentNumber();
    card.access.dateOfBirth = Persona::yymmdd(persona.dateOfBirth);
    card.access.dateOfExpiry = persona.expiryDate ? Persona::yymmdd(*persona.expiryDate) : "";
    card.access.can = persona.can();

    emrtd::CccdMrzInput mrz;
    mrz.personalNumber = persona.personalNumber;
    mrz.dateOfBirth = card.access.dateOfBirth;
    mrz.sex = persona.gender == Gender::Male ? 'M' : 'F';
    mrz.dateOfExpiry = card.access.dateOfExpiry;
    mrz.primaryIdentifier = mrzPrimary(persona.fullName);
    mrz.secondaryIdentifier = mrzSecondary(persona.fullName);

    auto portrait = drawPortrait(seedOf(persona.personalNumber));
    auto face = imaging::encodeJpeg2000(portrait, options.faceBytes, options.faceAsJp2);
    if (!face) return fail("portrait: " + face.error().detail);

    std::map<int, Bytes> groups;
    groups[1] = emrtd::encodeDg1(emrtd::formatCccdTd1(mrz));
    groups[2] = emrtd::encodeDg2(*face,
                                 options.faceAsJp2 ? emrtd::FaceImageFormat::Jp2
                                                   : emrtd::FaceImageFormat::Jpeg2000Codestream,
                                 static_cast<std::uint16_t>(portrait.width),
                                 static_cast<std::uint16_t>(portrait.height));
    groups[13] = emrtd::encodeDg13(dg13Of(persona));

    std::map<int, Bytes> hashes;
    std::vector<int> present;
    for (const auto& [dg, bytes] : groups) {
        present.push_back(dg);
        if (options.tamper.leaveOutOfSod.count(dg)) continue;
        hashes[dg] = emrtd::digest(options.hashName, bytes);
        if (hashes[dg].empty()) return fail("unknown hash " + options.hashName);
    }
    // Personalised while the DS certificate was valid, as a real card would be.
    auto signingTime = pki.ds.notBefore + std::chrono::hours(1);
    auto sod =
        signSod(emrtd::encodeLdsSecurityObject(options.hashName, hashes), pki.ds, options.hashName,
                options.rsaPss, signingTime, options.tamper.signWithWrongKey);
    if (!sod) return fail(sod.error());

    card.files[emrtd::fid::kCom] = emrtd::encodeEfCom(present);
    card.files[emrtd::fid::kSod] = *sod;
    for (const auto& [dg, bytes] : groups) card.files[*emrtd::dataGroupFid(dg)] = bytes;
    for (const auto& [fileId, bytes] : options.extraFiles) card.files[fileId] = bytes;

    const auto& tamper = options.tamper;
    if (tamper.alterDataGroupAfterSigning) {
        auto fileId = emrtd::dataGroupFid(*tamper.alterDataGroupAfterSigning);
        if (!fileId || !card.files.count(*fileId))
            return fail(std::string("no such data group to alter"));
        card.files[*fileId].back() ^= 0x01;
    }
    if (tamper.truncateFile) {
        auto it = card.files.find(*tamper.truncateFile);
        if (it == card.files.end()) return fail(std::string("no such file to truncate"));
        if (tamper.truncateTo < it->second.size()) it->second.resize(tamper.truncateTo);
    }
    return card;
}

}  // namespace dvc::card::sim
