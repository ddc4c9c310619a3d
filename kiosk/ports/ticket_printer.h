#pragma once
#include <string>

#include "common/result.h"
#include "printing/print_document.h"
#include "printing/printer_status.h"

namespace dvc {

enum class PrintFailureKind {
    Fault,         // the printer reported a fault (status says which)
    NotConnected,  // device absent, refused, unplugged
    Timeout,       // the printer stopped accepting bytes
    Io,            // any other transport error
    Render,        // the document could not be rendered (font missing, QR too long)
};

struct PrintFailure {
    PrintFailureKind kind = PrintFailureKind::Io;
    PrinterStatus status;  // meaningful for Fault
    std::string detail;    // for technicians; no personal data
};

struct PrintReport {
    std::size_t bytesSent = 0;
    PrinterStatus statusAfter;
};

// A receipt printer (ESC/POS over USB, TCP, a device file, or the simulator). Calls block:
// worker threads only.
class TicketPrinter {
  public:
    virtual ~TicketPrinter() = default;
    virtual Result<PrinterStatus, PrintFailure> status() = 0;
    // Checks status first, so a ticket is not sent into an empty printer.
    virtual Result<PrintReport, PrintFailure> print(const PrintDocument& document) = 0;
};

// The message for the citizen when printing failed (the number stays on screen).
BilingualText printFailureMessage(const PrintFailure& failure);
// Its i18n key ("printer.paper_out", "printer.not_printed"), for the screen.
const char* printFailureMessageKey(const PrintFailure& failure);

}  // namespace dvc
