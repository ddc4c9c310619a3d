#pragma once
// PACE v2 with generic mapping over elliptic curves (Doc 9303 Part 11 §4.4): the password key
// K_π, the encrypted nonce, the mapping to a new generator, ephemeral key agreement, the
// authentication tokens and the AES session (SSC starting at zero). The pure steps are public so
// that the worked example of Appendix G and the simulated card use the same code as the reader.
#include <string>

#include "common/result.h"
#include "identity/emrtd/bytes.h"
#include "identity/emrtd/card_access.h"
#include "identity/emrtd/chip_error.h"
#include "identity/emrtd/chip_session.h"

namespace dvc::emrtd {

enum class PacePasswordType : std::uint8_t { Mrz = 1, Can = 2 };

struct PacePassword {
    PacePasswordType type = PacePasswordType::Can;
    std::string value;  // the CAN digits, or the MRZ information of BAC
};

// K_π = KDF_π(f(π)): f = SHA-1(MRZ information) for the MRZ, the CAN's characters for the CAN.
Bytes pacePasswordKey(const PacePassword& password, crypto::Cipher cipher);

// The MSE:Set AT data: 80 OID, 83 password reference, 84 parameter id.
Bytes paceSetAtData(const PaceInfo& info, PacePasswordType type);

// 7F49 { 06 OID, 86 public point }: the input of the authentication token.
Bytes paceTokenInput(ByteView oid, ByteView publicPoint);
// T = MAC(KS_mac, 7F49{…}) cut to 8 bytes (CMAC for AES).
Bytes paceAuthenticationToken(crypto::Cipher cipher, ByteView ksMac, ByteView oid,
                              ByteView publicPoint);

// The session keys of §4.4.3.4 from the shared secret (x coordinate).
struct PaceSessionKeys {
    Bytes ksEnc;
    Bytes ksMac;
};
PaceSessionKeys paceSessionKeys(ByteView sharedSecret, crypto::Cipher cipher);

// The whole protocol over the session, from MSE:Set AT to the chip's token; on success the
// session is secured with AES and SSC = 0.
Result<Success, ChipError> performPace(ChipSession& session, const PaceInfo& info,
                                       const PacePassword& password);

}  // namespace dvc::emrtd
