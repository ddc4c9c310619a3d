#pragma once
// The card side of an ISO 7816 exchange: what a simulated card implements so that it can sit
// behind any reader path (in-process for unit tests, vpcd's socket behind real pcscd for the
// PC/SC path). Not a mock: it answers real APDUs with real status words.
#include "identity/emrtd/bytes.h"

namespace dvc::card {

class ApduResponder {
public:
    virtual ~ApduResponder() = default;
    virtual emrtd::Bytes atr() const = 0;
    virtual void powerOn() = 0;   // cold reset: the card forgets any session (keys, SSC, selection)
    virtual void powerOff() = 0;
    // A whole C-APDU in, a whole R-APDU (data + SW1 SW2) out.
    virtual emrtd::Bytes respond(emrtd::ByteView commandApdu) = 0;
};

}  // namespace dvc::card
