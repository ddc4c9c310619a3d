#include "identity/emrtd/sod.h"

#include <openssl/objects.h>

#include <ctime>

#include "identity/emrtd/der.h"
#include "identity/emrtd/openssl_ptr.h"

namespace dvc::emrtd {
namespace {

struct HashAlgorithm {
    const char* name;
    const char* oid;
};
constexpr HashAlgorithm kHashes[] = {
    {"sha1", "1.3.14.3.2.26"},
    {"sha224", "2.16.840.1.101.3.4.2.4"},
    {"sha256", "2.16.840.1.101.3.4.2.1"},
    {"sha384", "2.16.840.1.101.3.4.2.2"},
    {"sha512", "2.16.840.1.101.3.4.2.3"},
};

LdsError error(LdsError::Kind kind, const char* what) {
    return LdsError{kind, what};
}
LdsError tlvError(const TlvError& e, const char* what) {
    return LdsError{LdsError::Kind::Tlv, what, e.kind};
}

std::string oidText(const ASN1_OBJECT* obj) {
    if (!obj) return {};
    char buffer[128];
    int n = OBJ_obj2txt(buffer, sizeof buffer, obj, 1);
    if (n <= 0 || n >= static_cast<int>(sizeof buffer)) return {};
    return buffer;
}

std::string algorithmOid(const X509_ALGOR* algorithm) {
    if (!algorithm) return {};
    const ASN1_OBJECT* obj = nullptr;
    X509_ALGOR_get0(&obj, nullptr, nullptr, algorithm);
    return oidText(obj);
}

Result<Sod, LdsError> parseSecurityObject(ByteView der, Sod sod) {
    std::size_t offset = 0;
    auto outer = readTlv(der, offset);
    if (!outer) return fail(tlvError(outer.error(), "LDSSecurityObject"));
    if (outer->tag != der::kSequence || offset != der.size())
        return fail(error(LdsError::Kind::UnexpectedTag, "LDSSecurityObject"));
    auto parts = parseAll(outer->value);
    if (!parts) return fail(tlvError(parts.error(), "LDSSecurityObject"));
    if (parts->size() < 3) return fail(error(LdsError::Kind::MissingField, "LDSSecurityObject"));
    const auto& p = *parts;
    if (p[0].tag != der::kInteger)
        return fail(error(LdsError::Kind::UnexpectedTag, "LDSSO version"));
    auto version = der::decodeSmallInteger(p[0].value);
    if (!version || *version > 1) return fail(error(LdsError::Kind::Unsupported, "LDSSO version"));
    sod.version = static_cast<int>(*version);

    if (p[1].tag != der::kSequence)
        return fail(error(LdsError::Kind::UnexpectedTag, "LDSSO hashAlgorithm"));
    auto oid = findTag(p[1].value, der::kOid);
    if (!oid) return fail(tlvError(oid.error(), "LDSSO hashAlgorithm"));
    auto dotted = der::decodeOid(oid->value);
    if (!dotted) return fail(error(LdsError::Kind::BadValue, "LDSSO hashAlgorithm"));
    sod.hashAlgorithmOid = *dotted;

    if (p[2].tag != der::kSequence)
        return fail(error(LdsError::Kind::UnexpectedTag, "LDSSO hashes"));
    auto entries = parseAll(p[2].value);
    if (!entries) return fail(tlvError(entries.error(), "LDSSO hashes"));
    for (const auto& entry : *entries) {
        if (entry.tag != der::kSequence)
            return fail(error(LdsError::Kind::UnexpectedTag, "DataGroupHash"));
        auto fields = parseAll(entry.value);
        if (!fields) return fail(tlvError(fields.error(), "DataGroupHash"));
        if (fields->size() != 2 || (*fields)[0].tag != der::kInteger ||
            (*fields)[1].tag != der::kOctetString)
            return fail(error(LdsError::Kind::BadValue, "DataGroupHash"));
        auto number = der::decodeSmallInteger((*fields)[0].value);
        if (!number || *number < 1 || *number > 16)
            return fail(error(LdsError::Kind::BadValue, "DataGroupHash number"));
        int dg = static_cast<int>(*number);
        if (sod.dataGroupHashes.count(dg))
            return fail(error(LdsError::Kind::BadValue, "DataGroupHash duplicate"));
        const auto& hash = (*fields)[1].value;
        sod.dataGroupHashes[dg] = Bytes(hash.begin(), hash.end());
    }
    if (sod.dataGroupHashes.empty())
        return fail(error(LdsError::Kind::MissingField, "DataGroupHash"));
    return sod;
}

}  // namespace

std::string hashNameForOid(std::string_view oid) {
    for (const auto& h : kHashes)
        if (oid == h.oid) return h.name;
    return {};
}

std::string oidForHashName(std::string_view name) {
    for (const auto& h : kHashes)
        if (name == h.name) return h.oid;
    return {};
}

Bytes digest(std::string_view hashName, ByteView data) {
    if (hashNameForOid(oidForHashName(hashName)).empty()) return {};
    const EVP_MD* md = EVP_get_digestbyname(std::string(hashName).c_str());
    if (!md) return {};
    Bytes out(static_cast<std::size_t>(EVP_MD_get_size(md)));
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr) != 1) return {};
    out.resize(size);
    return out;
}

Result<Sod, LdsError> parseSod(ByteView file) {
    auto body = unwrapFile(file, kSodTag, "EF.SOD");
    if (!body) return fail(body.error());
    Sod sod;
    sod.signedData.assign(body->begin(), body->end());

    const unsigned char* p = body->data();
    ossl::Cms cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(body->size())));
    if (!cms) return fail(error(LdsError::Kind::BadValue, "EF.SOD ContentInfo"));
    if (p != body->data() + body->size())
        return fail(
            LdsError{LdsError::Kind::Tlv, "EF.SOD ContentInfo", TlvError::Kind::TrailingData});
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        return fail(error(LdsError::Kind::Unsupported, "EF.SOD content type"));
    if (oidText(CMS_get0_eContentType(cms.get())) != kLdsSecurityObjectOid)
        return fail(error(LdsError::Kind::BadValue, "EF.SOD eContentType"));
    ASN1_OCTET_STRING** content = CMS_get0_content(cms.get());
    if (!content || !*content) return fail(error(LdsError::Kind::MissingField, "EF.SOD eContent"));

    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms.get());
    if (!signers || sk_CMS_SignerInfo_num(signers) == 0)
        return fail(error(LdsError::Kind::MissingField, "EF.SOD signerInfos"));
    if (sk_CMS_SignerInfo_num(signers) > 1)
        return fail(error(LdsError::Kind::Unsupported, "EF.SOD signerInfos"));
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(signers, 0);
    X509_ALGOR* digestAlg = nullptr;
    X509_ALGOR* signatureAlg = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digestAlg, &signatureAlg);
    sod.digestAlgorithmOid = algorithmOid(digestAlg);
    sod.signatureAlgorithmOid = algorithmOid(signatureAlg);

    int at = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
    if (at >= 0) {
        ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, at), 0);
        std::tm tm{};
        if (value && (value->type == V_ASN1_UTCTIME || value->type == V_ASN1_GENERALIZEDTIME) &&
            ASN1_TIME_to_tm(value->value.utctime, &tm) == 1)
            sod.signingTime = std::chrono::system_clock::from_time_t(timegm(&tm));
    }

    ossl::CertStack certs(CMS_get1_certs(cms.get()));
    for (int i = 0; certs && i < sk_X509_num(certs.get()); ++i) {
        unsigned char* der = nullptr;
        int n = i2d_X509(sk_X509_value(certs.get(), i), &der);
        if (n > 0) sod.certificates.emplace_back(der, der + n);
        OPENSSL_free(der);
    }

    ByteView eContent(ASN1_STRING_get0_data(*content),
                      static_cast<std::size_t>(ASN1_STRING_length(*content)));
    return parseSecurityObject(eContent, std::move(sod));
}

Bytes encodeLdsSecurityObject(std::string_view hashName, const std::map<int, Bytes>& hashes) {
    Bytes algorithm = encodeTlv(der::kSequence, der::encodeOid(oidForHashName(hashName)));
    Bytes list;
    for (const auto& [dg, hash] : hashes)
        list = concat({list, encodeTlv(der::kSequence,
                                       concat({der::encodeInteger(static_cast<std::uint32_t>(dg)),
                                               encodeTlv(der::kOctetString, hash)}))});
    return encodeTlv(der::kSequence,
                     concat({der::encodeInteger(0), algorithm, encodeTlv(der::kSequence, list)}));
}

}  // namespace dvc::emrtd
