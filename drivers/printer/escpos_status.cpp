#include "escpos_status.h"

#include <cstdio>
#include <string>

namespace dvc::escpos {

namespace {
constexpr std::uint8_t kFixed = 0x12;  // bit 1 and bit 4 are fixed to 1 in DLE EOT replies
bool bit(std::uint8_t b, int n) {
    return (b >> n) & 1;
}
}  // namespace

bool isDleEotReply(std::uint8_t b) {
    return (b & 0x93) == kFixed;
}

Result<PrinterStatus, std::string> decodeStatus(const std::array<std::uint8_t, 4>& r) {
    for (std::size_t i = 0; i < r.size(); ++i)
        if (!isDleEotReply(r[i])) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", r[i]);
            return fail("reply to DLE EOT " + std::to_string(i + 1) +
                        " is not a status byte: " + hex);
        }
    PrinterStatus s;
    s.online = !bit(r[0], 3);
    s.coverOpen = bit(r[1], 2);
    s.paperOut = bit(r[1], 5) || (bit(r[3], 5) && bit(r[3], 6));
    s.cutterError = bit(r[2], 3);
    s.unrecoverableError = bit(r[2], 5);
    s.paperNearEnd = bit(r[3], 2) && bit(r[3], 3);
    return s;
}

void applyPaperSensor(PrinterStatus& s, std::uint8_t reply) {
    if ((reply & 0x03) == 0x03) s.paperNearEnd = true;
    if ((reply & 0x0C) == 0x0C) s.paperOut = true;
}

std::uint8_t statusReply(const PrinterStatus& s, int n) {
    std::uint8_t b = kFixed;
    switch (n) {
        case 1:
            if (!s.canPrint()) b |= 0x08;
            break;
        case 2:
            if (s.coverOpen) b |= 0x04;
            if (s.paperOut) b |= 0x20;
            if (s.cutterError || s.unrecoverableError) b |= 0x40;
            break;
        case 3:
            if (s.cutterError) b |= 0x08;
            if (s.unrecoverableError) b |= 0x20;
            break;
        case 4:
            if (s.paperNearEnd || s.paperOut) b |= 0x0C;
            if (s.paperOut) b |= 0x60;
            break;
        default:
            break;
    }
    return b;
}

std::uint8_t paperSensorReply(const PrinterStatus& s) {
    std::uint8_t b = 0;
    if (s.paperNearEnd || s.paperOut) b |= 0x03;
    if (s.paperOut) b |= 0x0C;
    return b;
}

}  // namespace dvc::escpos
