#pragma once
// A CardChannel with the session state of ICAO 9303 on top: secure messaging once BAC or PACE
// has established it, counters of APDUs and bytes on the wire, and cancellation between APDUs.
#include <atomic>
#include <cstddef>
#include <optional>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/apdu.h"
#include "identity/emrtd/chip_error.h"
#include "identity/emrtd/secure_messaging.h"
#include "ports/card_reader.h"

namespace dvc::emrtd {

// What went over the wire, APDU by APDU (command and response sizes, SW included).
struct LinkCounters {
    struct Exchange {
        std::size_t commandBytes = 0;
        std::size_t responseBytes = 0;
    };
    std::size_t apdus = 0;
    std::size_t bytesSent = 0;
    std::size_t bytesReceived = 0;
    std::vector<Exchange> exchanges;

    void add(std::size_t sent, std::size_t received);
};

class ChipSession {
  public:
    explicit ChipSession(CardChannel& channel, const std::atomic<bool>* cancel = nullptr);

    // Sends through secure messaging when it is active, plainly otherwise. An SM failure
    // (bad MAC, card left SM) ends the secure session and comes back as an error.
    Result<ResponseApdu, ChipError> transmit(const CommandApdu& command, bool extended = false);
    Result<ResponseApdu, ChipError> transmitPlain(const CommandApdu& command);

    void startSecureMessaging(SecureMessaging sm) { sm_.emplace(std::move(sm)); }
    void endSecureMessaging() { sm_.reset(); }
    bool secured() const { return sm_.has_value(); }
    const SecureMessaging* secureMessaging() const { return sm_ ? &*sm_ : nullptr; }

    CardChannel& channel() { return channel_; }
    const LinkCounters& counters() const { return counters_; }
    bool cancelled() const { return cancel_ && cancel_->load(); }

  private:
    Result<Bytes, ChipError> exchange(ByteView command);

    CardChannel& channel_;
    const std::atomic<bool>* cancel_;
    std::optional<SecureMessaging> sm_;
    LinkCounters counters_;
};

}  // namespace dvc::emrtd
