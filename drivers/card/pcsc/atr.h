#pragma once
// The parts of an Answer To Reset (ISO/IEC 7816-3) the transport needs: the protocols the card
// offers and its historical bytes, where ISO/IEC 7816-4 "card capabilities" may say whether the
// card takes extended-length APDUs. For a contactless card the reader builds the ATR (PC/SC
// part 3): the historical bytes come from the ATS (type A) or the ATQB (type B).
#include <optional>
#include <string>

#include "common/result.h"
#include "identity/emrtd/bytes.h"

namespace dvc::card {

struct Atr {
    bool offersT0 = false;
    bool offersT1 = false;
    emrtd::Bytes historicalBytes;
};

// nullopt when the bytes are not a well-formed ATR (wrong TS, truncated interface bytes).
std::optional<Atr> parseAtr(emrtd::ByteView atr);

// From the compact-TLV "card capabilities" object (tag 7, third software function table,
// bit b7 = "extended Lc and Le fields"). nullopt when the historical bytes do not say.
std::optional<bool> extendedLengthFromHistoricalBytes(emrtd::ByteView historical);

}  // namespace dvc::card
