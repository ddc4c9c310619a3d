#pragma once
// Puts an ApduResponder (a simulated card) into vsmartcard's virtual reader: vpcd, loaded by
// pcscd, listens on TCP (default 35963) and this bridge connects to it as the "card". So the
// whole PC/SC path — libpcsclite, pcscd, an IFD handler — runs for real in tests and demos.
//
// vpcd's protocol: every message is a 2-byte big-endian length and that many bytes. A 1-byte
// message is a control code: 0 power off, 1 power on, 2 reset, 4 "send the ATR" (answered
// with the ATR as a message); nothing else is answered. Any longer message is a C-APDU,
// answered with the R-APDU. Connecting is putting the card in the field; closing is pulling it.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <variant>

#include "common/result.h"
#include "sim/apdu_responder.h"

namespace dvc::card {

struct VpcdError {
    std::string detail;
};

class VpcdBridge {
  public:
    static constexpr std::uint16_t kDefaultPort = 35963;

    // `card` must outlive the bridge. Only loopback addresses make sense: vpcd trusts whoever
    // connects, so keep its port off other networks.
    explicit VpcdBridge(ApduResponder& card, std::string host = "127.0.0.1",
                        std::uint16_t port = kDefaultPort);
    ~VpcdBridge();
    VpcdBridge(const VpcdBridge&) = delete;
    VpcdBridge& operator=(const VpcdBridge&) = delete;

    // Connects to vpcd and serves it on a thread of its own. Inserting an inserted card does
    // nothing.
    Result<std::monostate, VpcdError> insert();
    // Closes the connection (the card leaves the field) and waits for the thread. Safe to call
    // at any time, also mid-APDU and when not inserted.
    void remove();
    bool inserted() const;

    // C-APDUs answered since construction (not control codes): proof that traffic went through.
    std::uint64_t apdusServed() const { return apdusServed_.load(); }

  private:
    void serve(int socket);
    bool control(int socket, std::uint8_t code);  // false when the answer could not be sent

    ApduResponder& card_;
    std::string host_;
    std::uint16_t port_;
    mutable std::mutex mutex_;  // guards socket_ and thread_ against insert/remove races
    int socket_ = -1;
    std::thread thread_;
    std::atomic<bool> connected_{false};
    std::atomic<std::uint64_t> apdusServed_{0};
};

}  // namespace dvc::card
