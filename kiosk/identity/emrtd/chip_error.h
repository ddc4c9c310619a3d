#pragma once
// One error for everything that can go wrong between the reader and the chip, named for the
// person who has to act on it: the citizen (card removed, wrong key), the technician (reader
// gone, transport) or the developer (protocol).
#include <string>

#include "ports/card_reader.h"

namespace dvc::emrtd {

struct ChipError {
    enum class Kind {
        AccessDenied,     // the key (CAN / MRZ) did not open the chip, or a file needs access
        CardRemoved,      // the card left the field
        NoCard,           // no card presented
        NoReader,         // no reader connected
        ReaderUnplugged,  // the reader went away
        Cancelled,        // the caller cancelled
        SecureMessaging,  // a protected response failed its MAC or the card left secure messaging
        FileNotFound,     // the chip has no such file or application
        Protocol,         // the chip answered something this reader cannot interpret
        Unsupported,      // nothing the reader and the chip both support (e.g. no key given)
        Transport,        // the reader or the service reported another failure
    };
    Kind kind = Kind::Protocol;
    std::string detail;  // technician's detail: status words, tags; never personal data
};

const char* chipErrorName(ChipError::Kind kind);
// A plain sentence for logs and the technician CLI ("access denied: 6982 …").
std::string describe(const ChipError& error);
ChipError fromCardError(const CardError& error);

// For Result<Success, ChipError> where a step has nothing to return.
struct Success {};

}  // namespace dvc::emrtd
