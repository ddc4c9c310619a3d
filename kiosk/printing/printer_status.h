#pragma once
#include <string>

#include "common/bilingual.h"
#include "domain/kiosk_health.h"

namespace dvc {

// A receipt printer's real-time status (ESC/POS DLE EOT 1..4, GS r 1), decoded.
struct PrinterStatus {
    bool online = true;
    bool paperOut = false;
    bool paperNearEnd = false;
    bool coverOpen = false;
    bool cutterError = false;
    bool unrecoverableError = false;
    bool known = true;  // false when the transport cannot read status back (e.g. a plain file)

    // True when a ticket can be printed now (near end still prints).
    bool canPrint() const {
        return online && !paperOut && !coverOpen && !cutterError && !unrecoverableError;
    }
    bool operator==(const PrinterStatus&) const = default;
};

// What the citizen is told, in both languages ("Máy in hết giấy, vui lòng đến quầy").
// The CLI prints it; the screen shows the same words from assets/i18n through
// printerStatusMessageKey ("printer.paper_out"), and a test keeps the two equal.
BilingualText printerStatusMessage(const PrinterStatus& status);
const char* printerStatusMessageKey(const PrinterStatus& status);
// The heartbeat's view for staff: ok / warning (paper near end, unknown) / error; detail in
// Vietnamese for technicians.
DeviceReport printerDeviceReport(const PrinterStatus& status);
// "paper_out,cover_open" style summary for logs and the CLI ("ok" when none).
std::string printerStatusFlags(const PrinterStatus& status);

}  // namespace dvc
