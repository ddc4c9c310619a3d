#include "pcsc_error.h"

#include <PCSC/pcsclite.h>
#include <PCSC/winscard.h>

#include <cstdio>

namespace dvc::card {

namespace {

using Kind = CardError::Kind;

Kind kindFor(long code, PcscPhase phase) {
    const bool exchanging = phase == PcscPhase::Exchange;
    switch (code) {
        case SCARD_E_CANCELLED:
        case SCARD_W_CANCELLED_BY_USER:
            return Kind::Cancelled;
        case SCARD_E_TIMEOUT:
            return exchanging ? Kind::Transport : Kind::NoCard;
        case SCARD_W_REMOVED_CARD:
        case SCARD_E_NO_SMARTCARD:
            return Kind::CardRemoved;
        case SCARD_E_READER_UNAVAILABLE:
        case SCARD_E_UNKNOWN_READER:
        case SCARD_E_NO_READERS_AVAILABLE:
        case SCARD_E_NO_SERVICE:
        case SCARD_E_SERVICE_STOPPED:
        case SCARD_F_COMM_ERROR:  // libpcsclite lost its socket to pcscd
            return exchanging ? Kind::ReaderUnplugged : Kind::NoReader;
        default:
            return Kind::Transport;
    }
}

const char* hint(long code, PcscPhase phase) {
    switch (code) {
        case SCARD_E_NO_SERVICE:  // during an exchange: it was running a moment ago
            return phase == PcscPhase::Exchange ? "PC/SC service stopped"
                                                : "PC/SC service not running";
        case SCARD_E_SERVICE_STOPPED:
        case SCARD_F_COMM_ERROR:
            return "PC/SC service stopped";
        case SCARD_E_SHARING_VIOLATION:
            return "card or reader in use by another application";
        case SCARD_W_RESET_CARD:
            return "card was reset by another application";
        case SCARD_W_UNRESPONSIVE_CARD:
        case SCARD_W_UNPOWERED_CARD:
            return "card does not answer";
        default:
            return nullptr;
    }
}

}  // namespace

CardError pcscCardError(long code, PcscPhase phase, const char* call, const std::string& reader) {
    char codeHex[16];
    std::snprintf(codeHex, sizeof codeHex, "0x%08lX",
                  static_cast<unsigned long>(code) & 0xFFFFFFFFUL);
    std::string detail;
    if (const char* h = hint(code, phase)) detail = std::string(h) + ": ";
    detail += std::string(call) + " " + codeHex + " " + pcsc_stringify_error(code);
    if (!reader.empty()) detail += " (reader \"" + reader + "\")";
    return CardError{kindFor(code, phase), std::move(detail)};
}

bool pcscErrorIsAmbiguous(long code) {
    switch (code) {
        case SCARD_E_NOT_TRANSACTED:
        case SCARD_F_UNKNOWN_ERROR:
        case SCARD_E_COMM_DATA_LOST:
        case SCARD_W_UNRESPONSIVE_CARD:
        case SCARD_W_UNPOWERED_CARD:
        case SCARD_E_INVALID_HANDLE:
        case SCARD_E_PROTO_MISMATCH:
            return true;
        default:
            return false;
    }
}

}  // namespace dvc::card
