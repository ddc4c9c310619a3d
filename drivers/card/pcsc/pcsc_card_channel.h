#pragma once
// A connected card: SCardTransmit with a buffer for the longest extended-length answer.
#include <PCSC/winscard.h>

#include <optional>
#include <string>

#include "pcsc_context.h"
#include "ports/card_reader.h"

namespace dvc::card {

struct PcscConnection {
    SCARDHANDLE card = 0;
    DWORD protocol = 0;  // SCARD_PROTOCOL_T0 or _T1 (contactless readers report T=1)
    std::string reader;
    emrtd::Bytes atr;
    bool extendedLength = false;
    DWORD shareMode = SCARD_SHARE_EXCLUSIVE;
    DWORD disposition = SCARD_RESET_CARD;  // what SCardDisconnect does to the card
};

class PcscCardChannel : public CardChannel {
  public:
    // 65536 data bytes + SW1 SW2: the longest R-APDU with Le = 0000 (extended).
    static constexpr std::size_t kMaxResponse = 65538;

    PcscCardChannel(PcscContext context, PcscConnection connection);
    ~PcscCardChannel() override;
    PcscCardChannel(const PcscCardChannel&) = delete;
    PcscCardChannel& operator=(const PcscCardChannel&) = delete;

    Result<emrtd::Bytes, CardError> transmit(emrtd::ByteView commandApdu) override;
    bool extendedLengthSupported() const override { return connection_.extendedLength; }
    std::string readerName() const override { return connection_.reader; }

    const emrtd::Bytes& atr() const { return connection_.atr; }
    // Warm reset (SCardReconnect with SCARD_RESET_CARD): the chip forgets its session, e.g.
    // before falling back from PACE to BAC. Returns the ATR after the reset.
    Result<emrtd::Bytes, CardError> reset();

  private:
    CardError failure(long code, const char* call);
    // After a transmission failed without saying why: is the card or the reader gone? pcscd
    // may take one polling period (400 ms) to notice, so this waits up to about a second.
    CardError settle(CardError error);
    // A channel whose card or reader is gone releases its handle and keeps failing the same way.
    CardError loseIfGone(CardError error);

    PcscContext context_;
    PcscConnection connection_;
    emrtd::Bytes response_;
    std::optional<CardError> lost_;
};

}  // namespace dvc::card
