#include "ports/card_reader.h"

namespace dvc {

const char* cardErrorName(CardError::Kind kind) {
    switch (kind) {
        case CardError::Kind::NoReader:
            return "no_reader";
        case CardError::Kind::NoCard:
            return "no_card";
        case CardError::Kind::CardRemoved:
            return "card_removed";
        case CardError::Kind::ReaderUnplugged:
            return "reader_unplugged";
        case CardError::Kind::Cancelled:
            return "cancelled";
        case CardError::Kind::Transport:
            return "transport";
    }
    return "unknown";
}

}  // namespace dvc
