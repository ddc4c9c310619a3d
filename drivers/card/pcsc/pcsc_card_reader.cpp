#include "pcsc_card_reader.h"

#include <PCSC/pcsclite.h>
#include <PCSC/winscard.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <thread>

#include "atr.h"
#include "log/log.h"
#include "pcsc_card_channel.h"
#include "pcsc_context.h"
#include "pcsc_error.h"

namespace dvc::card {

namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kPnpNotification = "\\\\?PnP?\\Notification";

std::string lowerAscii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool extendedLengthFor(PcscOptions::ExtendedLength mode, const emrtd::Bytes& atr) {
    if (mode != PcscOptions::ExtendedLength::Auto) return mode == PcscOptions::ExtendedLength::Yes;
    auto parsed = parseAtr(atr);
    if (!parsed) return false;
    return extendedLengthFromHistoricalBytes(parsed->historicalBytes).value_or(false);
}

// The reader states we wait on: one per matching reader, then the PnP pseudo-reader whose event
// state carries the number of readers in its upper 16 bits.
struct Watch {
    std::vector<std::string> names;
    std::vector<SCARD_READERSTATE> states;

    void rebuild(std::vector<std::string> matching) {
        names = std::move(matching);
        states.assign(names.size() + 1, SCARD_READERSTATE{});
        for (std::size_t i = 0; i < names.size(); ++i) states[i].szReader = names[i].c_str();
        states.back().szReader = kPnpNotification;
        for (auto& s : states) s.dwCurrentState = SCARD_STATE_UNAWARE;
    }
    void acknowledge() {
        for (auto& s : states) s.dwCurrentState = s.dwEventState & ~SCARD_STATE_CHANGED;
    }
    bool readerListChanged() const { return states.back().dwEventState & SCARD_STATE_CHANGED; }
};

// Connects to the card in `reader`; nullopt when it left the field or is not answering yet
// (the wait goes on), an error for anything else.
Result<std::optional<PcscConnection>, CardError> connectCard(SCARDCONTEXT context,
                                                             const std::string& reader,
                                                             const PcscOptions& options) {
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    const DWORD share = options.exclusive ? SCARD_SHARE_EXCLUSIVE : SCARD_SHARE_SHARED;
    LONG rv = SCardConnect(context, reader.c_str(), share, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                           &card, &protocol);
    if (rv == SCARD_E_NO_SMARTCARD || rv == SCARD_W_REMOVED_CARD ||
        rv == SCARD_W_UNRESPONSIVE_CARD || rv == SCARD_W_UNPOWERED_CARD)
        return std::optional<PcscConnection>{};
    if (rv != SCARD_S_SUCCESS)
        return fail(pcscCardError(rv, PcscPhase::Waiting, "SCardConnect", reader));
    BYTE atr[MAX_ATR_SIZE];
    DWORD atrLength = sizeof atr, readerLength = 0, cardState = 0;
    rv = SCardStatus(card, nullptr, &readerLength, &cardState, &protocol, atr, &atrLength);
    if (rv != SCARD_S_SUCCESS) {
        SCardDisconnect(card, SCARD_LEAVE_CARD);
        if (rv == SCARD_W_REMOVED_CARD || rv == SCARD_E_NO_SMARTCARD)
            return std::optional<PcscConnection>{};
        return fail(pcscCardError(rv, PcscPhase::Waiting, "SCardStatus", reader));
    }
    PcscConnection connection;
    connection.card = card;
    connection.protocol = protocol;
    connection.reader = reader;
    connection.atr.assign(atr, atr + atrLength);
    connection.extendedLength = extendedLengthFor(options.extendedLength, connection.atr);
    connection.shareMode = share;
    connection.disposition = options.resetOnDisconnect ? SCARD_RESET_CARD : SCARD_LEAVE_CARD;
    // The ATR names the chip model, nothing about its holder.
    log::info("pcsc", "card in \"" + reader + "\", ATR " + emrtd::toHex(connection.atr) +
                          (connection.extendedLength ? ", extended length" : ""));
    return std::optional<PcscConnection>(std::move(connection));
}

}  // namespace

std::vector<std::string> filterReaderNames(const std::vector<std::string>& names,
                                           const std::string& filter) {
    std::vector<std::string> out;
    const std::string needle = lowerAscii(filter);
    for (const auto& name : names)
        if (lowerAscii(name).find(needle) != std::string::npos) out.push_back(name);
    return out;
}

PcscCardReader::PcscCardReader(PcscOptions options) : options_(std::move(options)) {}

Result<std::vector<std::string>, CardError> PcscCardReader::listReaders() {
    auto context = PcscContext::establish();
    if (!context) return fail(context.error());
    auto all = context.value().readers();
    if (!all) return fail(all.error());
    return filterReaderNames(all.value(), options_.readerFilter);
}

std::vector<std::string> PcscCardReader::readerNames() {
    auto names = listReaders();
    if (!names) {
        log::warn("pcsc", names.error().detail);
        return {};
    }
    return names.value();
}

Result<std::unique_ptr<CardChannel>, CardError> PcscCardReader::waitForCard(
    const std::string& reader, std::chrono::milliseconds timeout, const std::atomic<bool>& cancel) {
    const std::string filter = reader.empty() ? options_.readerFilter : reader;
    const auto deadline = Clock::now() + timeout;
    auto established = PcscContext::establish();
    if (!established) return fail(established.error());
    PcscContext context = std::move(established.value());

    Watch watch;
    bool relist = true;
    bool sawReader = false;
    for (;;) {
        if (cancel.load()) return fail(CardError{CardError::Kind::Cancelled, "waiting cancelled"});
        if (relist) {
            auto all = context.readers();
            if (!all) return fail(all.error());
            watch.rebuild(filterReaderNames(all.value(), filter));
            sawReader = sawReader || !watch.names.empty();
            // First look: UNAWARE states come back at once with the present state.
            LONG rv = SCardGetStatusChange(context.handle(), 0, watch.states.data(),
                                           static_cast<DWORD>(watch.states.size()));
            // A reader unplugged between the listing and this call: list again after a wait.
            const bool readerVanished =
                rv == SCARD_E_UNKNOWN_READER || rv == SCARD_E_READER_UNAVAILABLE;
            if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT && !readerVanished)
                return fail(pcscCardError(rv, PcscPhase::Waiting, "SCardGetStatusChange", ""));
            relist = readerVanished;
        }
        for (std::size_t i = 0; i < watch.names.size(); ++i) {
            const DWORD state = watch.states[i].dwEventState;
            if (!(state & SCARD_STATE_PRESENT) || (state & SCARD_STATE_MUTE)) continue;
            auto connection = connectCard(context.handle(), watch.names[i], options_);
            if (!connection) return fail(connection.error());
            if (!connection.value()) continue;  // gone again, or not answering yet
            return std::unique_ptr<CardChannel>(std::make_unique<PcscCardChannel>(
                std::move(context), std::move(*connection.value())));
        }
        watch.acknowledge();

        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            if (!sawReader)
                return fail(CardError{CardError::Kind::NoReader,
                                      filter.empty() ? "no reader connected"
                                                     : "no reader matching \"" + filter + "\""});
            return fail(CardError{CardError::Kind::NoCard, "no card before the timeout"});
        }
        const auto slice = std::min(left, options_.cancelPollInterval);
        if (relist) {  // the reader list is in flux: give pcscd a moment, then list again
            std::this_thread::sleep_for(std::min(slice, std::chrono::milliseconds(20)));
            continue;
        }
        LONG rv =
            SCardGetStatusChange(context.handle(), static_cast<DWORD>(slice.count()),
                                 watch.states.data(), static_cast<DWORD>(watch.states.size()));
        if (rv == SCARD_E_TIMEOUT) continue;
        if (rv == SCARD_E_UNKNOWN_READER || rv == SCARD_E_READER_UNAVAILABLE) {
            relist = true;  // a reader we watched was unplugged
            continue;
        }
        if (rv != SCARD_S_SUCCESS)
            return fail(pcscCardError(rv, PcscPhase::Waiting, "SCardGetStatusChange", ""));
        if (watch.readerListChanged()) relist = true;
        for (std::size_t i = 0; i < watch.names.size(); ++i)
            if (watch.states[i].dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE))
                relist = true;
    }
}

}  // namespace dvc::card
