#pragma once
// A CCCD / eMRTD chip in software. It answers the APDUs a real card answers, with the same
// cryptography: SELECT (application by AID, EF by FID; SELECT MF refused with 6D00 like real
// CCCDs), GET CHALLENGE + MUTUAL AUTHENTICATE (BAC), MSE:Set AT + GENERAL AUTHENTICATE (PACE
// ECDH generic mapping, its own ephemeral keys), secure messaging with a send sequence counter
// (a bad MAC answers 6988 and ends the session), READ BINARY by offset (B0, short EF
// identifier, B1 with DO'54'), extended Le when enabled, 6982 for files read without access.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "apdu_responder.h"
#include "identity/emrtd/apdu.h"
#include "identity/emrtd/card_access.h"
#include "identity/emrtd/pace.h"
#include "identity/emrtd/secure_messaging.h"

namespace dvc::card {

struct SimulatedEmrtdConfig {
    std::map<std::uint16_t, emrtd::Bytes> files;  // the LDS1 application's EFs by FID
    std::string mrzInformation;                   // BAC key (and PACE's MRZ password)
    std::optional<std::string> can;               // PACE's CAN password
    bool offerPace = true;                        // EF.CardAccess present with one PACEInfo
    int paceParameterId = emrtd::kParamBrainpoolP256r1;
    emrtd::crypto::Cipher paceCipher = emrtd::crypto::Cipher::Aes128;
    bool extendedLength = false;  // EF.ATR/INFO with DO'7F66' and extended APDUs accepted
    std::size_t maxExtendedResponse = 0x1100;
    bool selectMfAnswers6D00 = true;
};

class SimulatedEmrtd : public ApduResponder {
  public:
    explicit SimulatedEmrtd(SimulatedEmrtdConfig config);

    emrtd::Bytes atr() const override;
    void powerOn() override;
    void powerOff() override;
    emrtd::Bytes respond(emrtd::ByteView commandApdu) override;

    // Tests: a hook that may alter each response on its way out (a man in the middle).
    void setResponseTamper(std::function<void(emrtd::Bytes&)> tamper) {
        tamper_ = std::move(tamper);
    }
    bool secureMessagingActive() const { return sm_.has_value(); }
    std::size_t commandsAnswered() const { return answered_; }

  private:
    struct PaceState {
        emrtd::PaceInfo info;
        emrtd::PacePasswordType password = emrtd::PacePasswordType::Can;
        int step = 1;
        emrtd::Bytes nonce;
        emrtd::Bytes generator;  // the mapped generator G'
        emrtd::Bytes ephemeralPrivate;
        emrtd::Bytes ephemeralPublic;
        emrtd::Bytes terminalPublic;
        emrtd::PaceSessionKeys keys;
    };

    emrtd::ResponseApdu process(const emrtd::CommandApdu& command, bool extended);
    emrtd::ResponseApdu select(const emrtd::CommandApdu& command);
    emrtd::ResponseApdu readBinary(const emrtd::CommandApdu& command, bool extended);
    emrtd::ResponseApdu getChallenge(const emrtd::CommandApdu& command);
    emrtd::ResponseApdu mutualAuthenticate(const emrtd::CommandApdu& command);
    emrtd::ResponseApdu setAuthenticationTemplate(const emrtd::CommandApdu& command);
    emrtd::ResponseApdu generalAuthenticate(const emrtd::CommandApdu& command);
    const emrtd::Bytes* findFile(std::uint16_t fid) const;
    bool fileNeedsAccess(std::uint16_t fid) const;
    void resetSession();

    SimulatedEmrtdConfig config_;
    emrtd::Bytes cardAccess_;
    emrtd::Bytes atrInfo_;
    bool powered_ = false;
    bool applicationSelected_ = false;
    std::optional<std::uint16_t> selectedFile_;
    std::optional<emrtd::SecureMessaging> sm_;
    std::optional<emrtd::SecureMessaging> pendingSm_;  // starts after the current response
    emrtd::Bytes challenge_;
    std::optional<PaceState> pace_;
    std::function<void(emrtd::Bytes&)> tamper_;
    std::size_t answered_ = 0;
};

}  // namespace dvc::card
