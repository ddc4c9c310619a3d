#include "identity/chip_identity_reader.h"

namespace dvc {

const char* chipReadFailureName(ChipReadFailure::Kind kind) {
    switch (kind) {
        case ChipReadFailure::Kind::NoReader:
            return "no_reader";
        case ChipReadFailure::Kind::NoCard:
            return "no_card";
        case ChipReadFailure::Kind::CardRemoved:
            return "card_removed";
        case ChipReadFailure::Kind::AccessDenied:
            return "access_denied";
        case ChipReadFailure::Kind::Unreadable:
            return "unreadable";
        case ChipReadFailure::Kind::Cancelled:
            return "cancelled";
    }
    return "unknown";
}

}  // namespace dvc
