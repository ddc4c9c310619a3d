#pragma once
// The contactless card reader as the core sees it: wait for a card, then exchange APDUs.
// Implemented by drivers/card (PC/SC through pcsc-lite) and by the simulated eMRTD.
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/bytes.h"

namespace dvc {

struct CardError {
    enum class Kind {
        NoReader,         // no reader connected (or the PC/SC service is not running)
        NoCard,           // no card presented before the timeout
        CardRemoved,      // the card left the field during an exchange
        ReaderUnplugged,  // the reader went away during an exchange
        Cancelled,
        Transport,  // anything else the reader or the service reported
    };
    Kind kind = Kind::Transport;
    std::string detail;  // for the technician's log: reader name, PC/SC code; never personal data
};

const char* cardErrorName(CardError::Kind kind);

// One card in the field. transmit() takes a whole C-APDU and returns the whole R-APDU
// (data + SW1 SW2). Blocking: worker threads only.
class CardChannel {
  public:
    virtual ~CardChannel() = default;
    virtual Result<emrtd::Bytes, CardError> transmit(emrtd::ByteView commandApdu) = 0;
    // True when the reader and the card accept extended-length APDUs (Lc/Le over 256).
    virtual bool extendedLengthSupported() const = 0;
    virtual std::string readerName() const = 0;
};

class CardReader {
  public:
    virtual ~CardReader() = default;
    virtual std::vector<std::string> readerNames() = 0;
    // Blocks until a card is in the field of the reader (the first one when `reader` is
    // empty), the timeout passes (NoCard) or `cancel` becomes true (Cancelled).
    virtual Result<std::unique_ptr<CardChannel>, CardError> waitForCard(
        const std::string& reader, std::chrono::milliseconds timeout,
        const std::atomic<bool>& cancel) = 0;
};

}  // namespace dvc
