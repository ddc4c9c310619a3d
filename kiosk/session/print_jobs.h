#pragma once
// Printing for the Session's screens: runs jobs on a worker (the UI thread never waits for a
// printer), remembers what the printer last said (for the queue screen's warning and for staff)
// and holds the dossier receipt's print state ("In biên nhận").
#include <functional>
#include <optional>
#include <string>

#include "domain/kiosk_health.h"
#include "ports/ticket_printer.h"
#include "printing/receipt_layouts.h"
#include "session/background.h"

namespace dvc {

enum class PrintState {
    Idle,      // nothing asked
    Printing,  // on a worker
    Printed,
    Failed,  // errorKey() says why, in the citizen's words ("printer.paper_out")
};

using PrintResult = Result<PrintReport, PrintFailure>;
using PrinterPoll = Result<PrinterStatus, PrintFailure>;

// What staff see in the heartbeat: the decoded status, or an error when the printer did not
// answer at all.
DeviceReport printerReportFor(const PrinterPoll& polled);

class PrintJobs {
  public:
    explicit PrintJobs(Background& background);
    PrintJobs(const PrintJobs&) = delete;
    PrintJobs& operator=(const PrintJobs&) = delete;

    // From app wiring; null: the kiosk has no printer (screens show numbers only).
    void attach(TicketPrinter* printer, std::string centreName);
    bool available() const { return printer_ != nullptr; }
    TicketPrinter* printer() const { return printer_; }
    const std::string& centreName() const { return centreName_; }

    // Prints on a worker; `done` runs on the UI thread with the result (the caller drops stale
    // ones). Every result also updates the printer's last known state.
    void print(PrintDocument document, std::function<void(const PrintResult&)> done);
    // Asks the printer's status on a worker (opening the queue screen).
    void refreshStatus();
    // UI thread: what a poll elsewhere (the heartbeat's worker) found.
    void noteStatus(const PrinterPoll& polled);

    // The i18n key of the printer's fault as last seen ("printer.paper_out",
    // "printer.not_printed" when it did not answer); empty when it can print or is not known.
    std::string faultKey() const;

    // --- the dossier receipt ("In biên nhận" on the receipt screen) ---
    void printDossierReceipt(DossierReceiptData data);
    // Any receipt already laid out (final or provisional dossier receipt); kept for reprint.
    void printReceipt(PrintDocument document);
    // "In lại": the last receipt again (nothing when none was printed in this visit).
    void reprintReceipt();
    bool hasReceipt() const { return lastReceipt_.has_value(); }
    PrintState receiptState() const { return receiptState_; }
    const std::string& receiptErrorKey() const { return receiptErrorKey_; }

    void wipe();  // the visit's receipt state; results still on their way are dropped

  private:
    void noteResult(const PrintResult& result);

    Background& background_;
    TicketPrinter* printer_ = nullptr;
    std::string centreName_;
    std::optional<PrinterStatus> lastStatus_;
    std::optional<PrintFailure> lastContactFailure_;  // did not answer (not connected, timeout)
    PrintState receiptState_ = PrintState::Idle;
    std::string receiptErrorKey_;
    std::uint64_t receiptGeneration_ = 0;
    std::optional<PrintDocument> lastReceipt_;  // this visit's receipt, for "In lại"
};

}  // namespace dvc
