#pragma once
// PC/SC return codes (SCARD_E_*, SCARD_W_*, SCARD_F_*) as the core's CardError kinds. The same
// code means different things at different moments: a reader that is "unavailable" while we
// wait for a card was never there (NoReader); during an exchange it was pulled (ReaderUnplugged).
#include <string>

#include "ports/card_reader.h"

namespace dvc::card {

enum class PcscPhase {
    Waiting,   // establishing the context, listing readers, waiting for and connecting to a card
    Exchange,  // a card is connected: transmit, status, disconnect
};

// `call` names the PC/SC function ("SCardTransmit"), `reader` may be empty. The detail carries
// both, the code in hex and pcsc_stringify_error's text: for the technician, never personal.
CardError pcscCardError(long code, PcscPhase phase, const char* call, const std::string& reader);

// True for the codes that do not say what went wrong with the card (a failed transmission):
// the caller should look at the reader's state to tell a pulled card from a real fault.
bool pcscErrorIsAmbiguous(long code);

}  // namespace dvc::card
