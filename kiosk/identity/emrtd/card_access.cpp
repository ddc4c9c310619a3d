#include "identity/emrtd/card_access.h"

#include <algorithm>

#include "identity/emrtd/tlv.h"

namespace dvc::emrtd {

namespace {

// id-PACE = 0.4.0.127.0.7.2.2.4 (bsi-de protocols smartcard PACE).
constexpr std::uint8_t kIdPace[] = {0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04};
constexpr std::uint32_t kTagSet = 0x31;
constexpr std::uint32_t kTagSequence = 0x30;
constexpr std::uint32_t kTagOid = 0x06;
constexpr std::uint32_t kTagInteger = 0x02;

std::optional<int> smallInteger(ByteView value) {
    if (value.empty() || value.size() > 3 || (value[0] & 0x80)) return std::nullopt;
    int out = 0;
    for (auto b : value) out = out << 8 | b;
    return out;
}

Bytes encodeInteger(int value) {
    Bytes content;
    do {
        content.insert(content.begin(), static_cast<std::uint8_t>(value & 0xff));
        value >>= 8;
    } while (value > 0);
    if (content[0] & 0x80) content.insert(content.begin(), 0x00);
    return encodeTlv(kTagInteger, content);
}

bool curveSupported(std::optional<int> id) {
    return id && (*id == kParamSecp256r1 || *id == kParamBrainpoolP256r1 ||
                  *id == kParamSecp384r1 || *id == kParamBrainpoolP384r1);
}

int cipherRank(crypto::Cipher cipher) {
    switch (cipher) {
        case crypto::Cipher::Tdes:
            return 0;
        case crypto::Cipher::Aes128:
            return 1;
        case crypto::Cipher::Aes192:
            return 2;
        case crypto::Cipher::Aes256:
            return 3;
    }
    return 0;
}

}  // namespace

bool PaceAlgorithm::supported() const {
    return keyAgreement == PaceKeyAgreement::Ecdh && mapping == PaceMapping::Generic &&
           cipher != crypto::Cipher::Tdes;
}

std::string PaceAlgorithm::name() const {
    std::string out = "id-PACE-";
    out += keyAgreement == PaceKeyAgreement::Dh ? "DH-" : "ECDH-";
    out += mapping == PaceMapping::Generic      ? "GM-"
           : mapping == PaceMapping::Integrated ? "IM-"
                                                : "CAM-";
    switch (cipher) {
        case crypto::Cipher::Tdes:
            return out + "3DES-CBC-CBC";
        case crypto::Cipher::Aes128:
            return out + "AES-CBC-CMAC-128";
        case crypto::Cipher::Aes192:
            return out + "AES-CBC-CMAC-192";
        case crypto::Cipher::Aes256:
            return out + "AES-CBC-CMAC-256";
    }
    return out;
}

std::optional<PaceAlgorithm> paceAlgorithmFromOid(ByteView oid) {
    constexpr std::size_t prefix = sizeof kIdPace;
    if (oid.size() != prefix + 2 || !std::equal(kIdPace, kIdPace + prefix, oid.begin()))
        return std::nullopt;
    PaceAlgorithm a;
    a.oid.assign(oid.begin(), oid.end());
    switch (oid[prefix]) {
        case 1:
            a.keyAgreement = PaceKeyAgreement::Dh;
            a.mapping = PaceMapping::Generic;
            break;
        case 2:
            a.keyAgreement = PaceKeyAgreement::Ecdh;
            a.mapping = PaceMapping::Generic;
            break;
        case 3:
            a.keyAgreement = PaceKeyAgreement::Dh;
            a.mapping = PaceMapping::Integrated;
            break;
        case 4:
            a.keyAgreement = PaceKeyAgreement::Ecdh;
            a.mapping = PaceMapping::Integrated;
            break;
        case 6:
            a.keyAgreement = PaceKeyAgreement::Ecdh;
            a.mapping = PaceMapping::ChipAuthentication;
            break;
        default:
            return std::nullopt;
    }
    switch (oid[prefix + 1]) {
        case 1:
            a.cipher = crypto::Cipher::Tdes;
            break;
        case 2:
            a.cipher = crypto::Cipher::Aes128;
            break;
        case 3:
            a.cipher = crypto::Cipher::Aes192;
            break;
        case 4:
            a.cipher = crypto::Cipher::Aes256;
            break;
        default:
            return std::nullopt;
    }
    return a;
}

PaceAlgorithm paceAlgorithm(PaceKeyAgreement keyAgreement, PaceMapping mapping,
                            crypto::Cipher cipher) {
    std::uint8_t kind = 2;
    if (mapping == PaceMapping::Generic) kind = keyAgreement == PaceKeyAgreement::Dh ? 1 : 2;
    if (mapping == PaceMapping::Integrated) kind = keyAgreement == PaceKeyAgreement::Dh ? 3 : 4;
    if (mapping == PaceMapping::ChipAuthentication) kind = 6;
    Bytes oid(kIdPace, kIdPace + sizeof kIdPace);
    oid.push_back(kind);
    oid.push_back(static_cast<std::uint8_t>(cipherRank(cipher) + 1));
    return *paceAlgorithmFromOid(oid);
}

Result<std::vector<PaceInfo>, CardAccessError> parseCardAccess(ByteView file) {
    std::size_t offset = 0;
    auto set = readTlv(file, offset);
    if (!set)
        return fail(
            CardAccessError{CardAccessError::Kind::Malformed,
                            std::string("SecurityInfos: ") + tlvErrorName(set.error().kind)});
    if (set->tag != kTagSet) return fail(CardAccessError{CardAccessError::Kind::NotASet, {}});
    auto infos = parseAll(set->value);
    if (!infos)
        return fail(
            CardAccessError{CardAccessError::Kind::Malformed,
                            std::string("SecurityInfo: ") + tlvErrorName(infos.error().kind)});
    std::vector<PaceInfo> out;
    for (const Tlv& info : *infos) {
        if (info.tag != kTagSequence) continue;
        auto fields = parseAll(info.value);
        if (!fields)
            return fail(CardAccessError{
                CardAccessError::Kind::Malformed,
                std::string("SecurityInfo fields: ") + tlvErrorName(fields.error().kind)});
        const auto& f = *fields;
        if (f.empty() || f[0].tag != kTagOid) continue;
        auto algorithm = paceAlgorithmFromOid(f[0].value);
        // PACEDomainParameterInfo shares the prefix but its second field is a SEQUENCE.
        if (!algorithm || f.size() < 2 || f[1].tag != kTagInteger) continue;
        auto version = smallInteger(f[1].value);
        if (!version)
            return fail(CardAccessError{CardAccessError::Kind::Malformed, "PACEInfo version"});
        PaceInfo pace{*algorithm, *version, std::nullopt};
        if (f.size() >= 3 && f[2].tag == kTagInteger) {
            pace.parameterId = smallInteger(f[2].value);
            if (!pace.parameterId)
                return fail(
                    CardAccessError{CardAccessError::Kind::Malformed, "PACEInfo parameterId"});
        }
        out.push_back(std::move(pace));
    }
    return out;
}

Bytes encodeCardAccess(const std::vector<PaceInfo>& infos) {
    Bytes content;
    for (const auto& info : infos) {
        Bytes fields = encodeTlv(kTagOid, info.algorithm.oid);
        Bytes version = encodeInteger(info.version);
        fields.insert(fields.end(), version.begin(), version.end());
        if (info.parameterId) {
            Bytes id = encodeInteger(*info.parameterId);
            fields.insert(fields.end(), id.begin(), id.end());
        }
        Bytes sequence = encodeTlv(kTagSequence, fields);
        content.insert(content.end(), sequence.begin(), sequence.end());
    }
    return encodeTlv(kTagSet, content);
}

std::optional<PaceInfo> choosePaceInfo(const std::vector<PaceInfo>& infos) {
    std::optional<PaceInfo> best;
    for (const auto& info : infos) {
        if (info.version != 2 || !info.algorithm.supported() || !curveSupported(info.parameterId))
            continue;
        if (!best || cipherRank(info.algorithm.cipher) > cipherRank(best->algorithm.cipher))
            best = info;
    }
    return best;
}

}  // namespace dvc::emrtd
