#include "pcsc_card_channel.h"

#include <PCSC/pcsclite.h>

#include <chrono>
#include <utility>

#include "pcsc_error.h"

namespace dvc::card {

namespace {

// 4 header bytes + 3 Lc bytes + 65535 data bytes + 2 Le bytes: the longest C-APDU.
constexpr std::size_t kMaxCommand = 4 + 3 + 65535 + 2;
// How long a failed transmission may take to show up as a card or reader change: pcscd polls
// readers without hot-plug events every 400 ms.
constexpr DWORD kSettleMs = 1200;

const SCARD_IO_REQUEST* pciFor(DWORD protocol) {
    if (protocol == SCARD_PROTOCOL_T0) return SCARD_PCI_T0;
    if (protocol == SCARD_PROTOCOL_RAW) return SCARD_PCI_RAW;
    return SCARD_PCI_T1;
}

}  // namespace

PcscCardChannel::PcscCardChannel(PcscContext context, PcscConnection connection)
    : context_(std::move(context)), connection_(std::move(connection)) {
    response_.resize(kMaxResponse);
}

PcscCardChannel::~PcscCardChannel() {
    // Errors here (card already gone, pcscd stopped) leave nothing to clean up.
    if (!lost_) SCardDisconnect(connection_.card, connection_.disposition);
}

Result<emrtd::Bytes, CardError> PcscCardChannel::transmit(emrtd::ByteView commandApdu) {
    if (lost_) return fail(*lost_);
    if (commandApdu.size() < 4 || commandApdu.size() > kMaxCommand)
        return fail(CardError{CardError::Kind::Transport,
                              "not a C-APDU: " + std::to_string(commandApdu.size()) + " bytes"});
    DWORD length = static_cast<DWORD>(response_.size());
    LONG rv =
        SCardTransmit(connection_.card, pciFor(connection_.protocol), commandApdu.data(),
                      static_cast<DWORD>(commandApdu.size()), nullptr, response_.data(), &length);
    if (rv != SCARD_S_SUCCESS) return fail(failure(rv, "SCardTransmit"));
    if (length < 2) {
        // vpcd answers "success, 0 bytes" when its card vanished mid-APDU; a real reader may
        // too when the card leaves the field. Either way: look at the reader.
        return fail(
            settle(CardError{CardError::Kind::Transport, "R-APDU without status word (reader \"" +
                                                             connection_.reader + "\")"}));
    }
    return emrtd::Bytes(response_.begin(), response_.begin() + static_cast<std::ptrdiff_t>(length));
}

Result<emrtd::Bytes, CardError> PcscCardChannel::reset() {
    if (lost_) return fail(*lost_);
    DWORD protocol = 0;
    LONG rv = SCardReconnect(connection_.card, connection_.shareMode,
                             SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, SCARD_RESET_CARD, &protocol);
    if (rv != SCARD_S_SUCCESS) return fail(failure(rv, "SCardReconnect"));
    connection_.protocol = protocol;
    BYTE atr[MAX_ATR_SIZE];
    DWORD atrLength = sizeof atr, state = 0, readerLength = 0;
    rv = SCardStatus(connection_.card, nullptr, &readerLength, &state, &protocol, atr, &atrLength);
    if (rv != SCARD_S_SUCCESS) return fail(failure(rv, "SCardStatus"));
    connection_.atr.assign(atr, atr + atrLength);
    return connection_.atr;
}

CardError PcscCardChannel::failure(long code, const char* call) {
    CardError error = pcscCardError(code, PcscPhase::Exchange, call, connection_.reader);
    return pcscErrorIsAmbiguous(code) ? settle(std::move(error)) : loseIfGone(std::move(error));
}

CardError PcscCardChannel::settle(CardError error) {
    SCARD_READERSTATE state{};
    state.szReader = connection_.reader.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kSettleMs);
    for (DWORD wait = 0;;) {
        LONG rv = SCardGetStatusChange(context_.handle(), wait, &state, 1);
        if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT) {
            CardError why =
                pcscCardError(rv, PcscPhase::Exchange, "SCardGetStatusChange", connection_.reader);
            // pcscd itself is gone, or the reader: either way the reader is lost to us.
            if (why.kind == CardError::Kind::ReaderUnplugged) return loseIfGone(std::move(why));
            return error;
        }
        if (state.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE))
            return loseIfGone({CardError::Kind::ReaderUnplugged, error.detail + "; reader gone"});
        if (state.dwEventState & SCARD_STATE_EMPTY)
            return loseIfGone(
                {CardError::Kind::CardRemoved, error.detail + "; card left the field"});
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return error;
        state.dwCurrentState = state.dwEventState & ~SCARD_STATE_CHANGED;
        wait = static_cast<DWORD>(left.count());
    }
}

CardError PcscCardChannel::loseIfGone(CardError error) {
    if (error.kind != CardError::Kind::CardRemoved &&
        error.kind != CardError::Kind::ReaderUnplugged)
        return error;
    // Let go of the reader at once: pcscd keeps an exclusive claim until SCardDisconnect, and
    // the next card must not find the reader held by this dead channel.
    SCardDisconnect(connection_.card, SCARD_LEAVE_CARD);
    lost_ = error;
    return error;
}

}  // namespace dvc::card
