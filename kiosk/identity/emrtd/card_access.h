#pragma once
// EF.CardAccess (Doc 9303 Part 11 §9.2): a SET of SecurityInfos, of which the reader needs the
// PACEInfos: SEQUENCE { protocol OID, version INTEGER, parameterId INTEGER OPTIONAL }.
// Other SecurityInfos are skipped, as §9.2 allows.
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/bytes.h"
#include "identity/emrtd/crypto.h"

namespace dvc::emrtd {

enum class PaceKeyAgreement { Dh, Ecdh };
enum class PaceMapping { Generic, Integrated, ChipAuthentication };

struct PaceAlgorithm {
    Bytes oid;  // the OID's content bytes: 04 00 7F 00 07 02 02 04 xx yy
    PaceKeyAgreement keyAgreement = PaceKeyAgreement::Ecdh;
    PaceMapping mapping = PaceMapping::Generic;
    crypto::Cipher cipher = crypto::Cipher::Aes128;

    // What this reader implements: ECDH, generic mapping, AES (128/192/256).
    bool supported() const;
    std::string name() const;  // "id-PACE-ECDH-GM-AES-CBC-CMAC-128"
};

std::optional<PaceAlgorithm> paceAlgorithmFromOid(ByteView oid);
PaceAlgorithm paceAlgorithm(PaceKeyAgreement keyAgreement, PaceMapping mapping,
                            crypto::Cipher cipher);

// Standardised domain parameters (§9.5.1): 12 = NIST P-256 (secp256r1), 13 = brainpoolP256r1,
// 15 = NIST P-384, 16 = brainpoolP384r1.
inline constexpr int kParamSecp256r1 = 12;
inline constexpr int kParamBrainpoolP256r1 = 13;
inline constexpr int kParamSecp384r1 = 15;
inline constexpr int kParamBrainpoolP384r1 = 16;

struct PaceInfo {
    PaceAlgorithm algorithm;
    int version = 2;
    std::optional<int> parameterId;
};

struct CardAccessError {
    enum class Kind { Malformed, NotASet };
    Kind kind = Kind::Malformed;
    std::string detail;
};

Result<std::vector<PaceInfo>, CardAccessError> parseCardAccess(ByteView file);
Bytes encodeCardAccess(const std::vector<PaceInfo>& infos);
// The PACEInfo this reader will use: supported algorithm and curve, strongest cipher first.
std::optional<PaceInfo> choosePaceInfo(const std::vector<PaceInfo>& infos);

}  // namespace dvc::emrtd
