#include "atr.h"

#include <cstddef>

namespace dvc::card {

std::optional<Atr> parseAtr(emrtd::ByteView atr) {
    // TS: 3B direct convention, 3F inverse convention (the bytes here are already decoded).
    if (atr.size() < 2 || (atr[0] != 0x3B && atr[0] != 0x3F)) return std::nullopt;
    Atr out;
    const std::size_t historicalCount = atr[1] & 0x0F;
    std::uint8_t indicator = atr[1];  // T0, then each TDi: high nibble says which bytes follow
    std::size_t pos = 2;
    bool anyProtocolNamed = false;
    for (;;) {
        const int following =
            ((indicator >> 4) & 1) + ((indicator >> 5) & 1) + ((indicator >> 6) & 1);
        pos += static_cast<std::size_t>(following);  // TA, TB, TC
        if (!(indicator & 0x80)) break;
        if (pos >= atr.size()) return std::nullopt;
        indicator = atr[pos++];  // TDi
        const int protocol = indicator & 0x0F;
        anyProtocolNamed = true;
        if (protocol == 0) out.offersT0 = true;
        if (protocol == 1) out.offersT1 = true;
    }
    if (!anyProtocolNamed) out.offersT0 = true;  // no TD1: T=0 only (ISO/IEC 7816-3 8.2.3)
    if (pos + historicalCount > atr.size()) return std::nullopt;
    out.historicalBytes.assign(atr.begin() + static_cast<std::ptrdiff_t>(pos),
                               atr.begin() + static_cast<std::ptrdiff_t>(pos + historicalCount));
    // A check byte TCK follows when any protocol other than T=0 is named; its value is not
    // checked: the reader built this ATR and already accepted it.
    return out;
}

std::optional<bool> extendedLengthFromHistoricalBytes(emrtd::ByteView historical) {
    if (historical.empty()) return std::nullopt;
    std::size_t end = historical.size();
    // Category indicator: 00 = compact-TLV then a 3-byte status indicator; 80 = compact-TLV
    // (possibly with a status object). Other categories carry no capabilities we can read.
    if (historical[0] == 0x00) {
        if (end < 4) return std::nullopt;
        end -= 3;
    } else if (historical[0] != 0x80) {
        return std::nullopt;
    }
    std::size_t pos = 1;
    while (pos < end) {
        const std::uint8_t tag = historical[pos] >> 4;
        const std::size_t length = historical[pos] & 0x0F;
        ++pos;
        if (pos + length > end) return std::nullopt;
        if (tag == 0x7 && length >= 3) return (historical[pos + 2] & 0x40) != 0;
        pos += length;
    }
    return std::nullopt;
}

}  // namespace dvc::card
