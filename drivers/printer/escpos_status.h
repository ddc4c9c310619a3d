#pragma once
// Decoding (and, for the simulator, encoding) the one-byte status replies of ESC/POS.
//   DLE EOT 1 (printer):     bit 3 offline
//   DLE EOT 2 (offline):     bit 2 cover open, bit 5 stopped by paper end, bit 6 error
//   DLE EOT 3 (error):       bit 3 autocutter error, bit 5 unrecoverable, bit 6 auto-recoverable
//   DLE EOT 4 (roll paper):  bits 2-3 near end, bits 5-6 paper end
//   GS r 1 (paper sensor):   bits 0-1 near end, bits 2-3 paper end
// DLE EOT replies always have bit 1 set, bits 0, 4 and 7 clear: how a reply is told apart from
// stray bytes (ASB or a late reply).
#include <array>
#include <cstdint>
#include <optional>

#include "common/result.h"
#include "printing/printer_status.h"

namespace dvc::escpos {

bool isDleEotReply(std::uint8_t byte);
// Replies to DLE EOT 1, 2, 3, 4 in that order.
Result<PrinterStatus, std::string> decodeStatus(const std::array<std::uint8_t, 4>& replies);
// Merges a GS r 1 reply into a status.
void applyPaperSensor(PrinterStatus& status, std::uint8_t reply);

// The reply a printer in `status` gives to DLE EOT n (1..4) or GS r 1 (n = 0x101 here:
// use paperSensorReply).
std::uint8_t statusReply(const PrinterStatus& status, int n);
std::uint8_t paperSensorReply(const PrinterStatus& status);

}  // namespace dvc::escpos
