#pragma once
// Basic Access Control (Doc 9303 Part 11 §4.3): keys from the MRZ information, the challenge
// and mutual authentication, and the 3DES session keys and send sequence counter.
// The pure steps are separate from the exchange so that the worked example of Appendix D can be
// checked byte for byte and the simulated card can play the chip's part.
#include <optional>
#include <string_view>

#include "common/result.h"
#include "identity/emrtd/bytes.h"
#include "identity/emrtd/chip_error.h"
#include "identity/emrtd/chip_session.h"
#include "identity/emrtd/secure_messaging.h"

namespace dvc::emrtd {

struct BacKeys {
    Bytes seed;  // K_seed: the first 16 bytes of SHA-1(MRZ information)
    Bytes kEnc;
    Bytes kMac;
};

BacKeys deriveBacKeys(std::string_view mrzInformation);

// E_IFD || M_IFD, the 40 bytes of MUTUAL AUTHENTICATE.
Bytes bacTerminalCryptogram(const BacKeys& keys, ByteView rndIc, ByteView rndIfd, ByteView kIfd);

// Checks the chip's E_IC || M_IC and derives the session: KS_enc, KS_mac from K_IFD xor K_IC and
// SSC = RND.IC[4..8] || RND.IFD[4..8]. nullopt when the MAC or the echoed RND.IFD is wrong.
std::optional<SecureMessaging> bacTerminalFinish(const BacKeys& keys, ByteView chipResponse,
                                                 ByteView rndIc, ByteView rndIfd, ByteView kIfd);

// The chip's side: checks the terminal's cryptogram against its challenge and answers.
struct BacChipAnswer {
    Bytes response;  // E_IC || M_IC
    SecureMessaging session;
};
std::optional<BacChipAnswer> bacChipAnswer(const BacKeys& keys, ByteView terminalCryptogram,
                                           ByteView rndIc, ByteView kIc);

// GET CHALLENGE and MUTUAL AUTHENTICATE over the session; on success it is secured.
Result<Success, ChipError> performBac(ChipSession& session, std::string_view mrzInformation);

}  // namespace dvc::emrtd
