#include "identity/emrtd/chip_error.h"

namespace dvc::emrtd {

const char* chipErrorName(ChipError::Kind kind) {
    switch (kind) {
        case ChipError::Kind::AccessDenied:
            return "access_denied";
        case ChipError::Kind::CardRemoved:
            return "card_removed";
        case ChipError::Kind::NoCard:
            return "no_card";
        case ChipError::Kind::NoReader:
            return "no_reader";
        case ChipError::Kind::ReaderUnplugged:
            return "reader_unplugged";
        case ChipError::Kind::Cancelled:
            return "cancelled";
        case ChipError::Kind::SecureMessaging:
            return "secure_messaging";
        case ChipError::Kind::FileNotFound:
            return "file_not_found";
        case ChipError::Kind::Protocol:
            return "protocol";
        case ChipError::Kind::Unsupported:
            return "unsupported";
        case ChipError::Kind::Transport:
            return "transport";
    }
    return "unknown";
}

std::string describe(const ChipError& error) {
    std::string text;
    switch (error.kind) {
        case ChipError::Kind::AccessDenied:
            text = "access denied (the key did not open the chip)";
            break;
        case ChipError::Kind::CardRemoved:
            text = "the card was removed";
            break;
        case ChipError::Kind::NoCard:
            text = "no card was presented";
            break;
        case ChipError::Kind::NoReader:
            text = "no card reader is connected";
            break;
        case ChipError::Kind::ReaderUnplugged:
            text = "the card reader was unplugged";
            break;
        case ChipError::Kind::Cancelled:
            text = "cancelled";
            break;
        case ChipError::Kind::SecureMessaging:
            text = "secure messaging failed (the chip's answer could not be authenticated)";
            break;
        case ChipError::Kind::FileNotFound:
            text = "the chip has no such file";
            break;
        case ChipError::Kind::Protocol:
            text = "protocol error (unexpected answer from the chip)";
            break;
        case ChipError::Kind::Unsupported:
            text = "no access protocol in common with the chip";
            break;
        case ChipError::Kind::Transport:
            text = "the card reader reported an error";
            break;
    }
    if (!error.detail.empty()) text += ": " + error.detail;
    return text;
}

ChipError fromCardError(const CardError& error) {
    ChipError out;
    out.detail = error.detail;
    switch (error.kind) {
        case CardError::Kind::NoReader:
            out.kind = ChipError::Kind::NoReader;
            break;
        case CardError::Kind::NoCard:
            out.kind = ChipError::Kind::NoCard;
            break;
        case CardError::Kind::CardRemoved:
            out.kind = ChipError::Kind::CardRemoved;
            break;
        case CardError::Kind::ReaderUnplugged:
            out.kind = ChipError::Kind::ReaderUnplugged;
            break;
        case CardError::Kind::Cancelled:
            out.kind = ChipError::Kind::Cancelled;
            break;
        case CardError::Kind::Transport:
            out.kind = ChipError::Kind::Transport;
            break;
    }
    return out;
}

}  // namespace dvc::emrtd
