#include "session/print_jobs.h"

#include "log/log.h"

namespace dvc {

DeviceReport printerReportFor(const PrinterPoll& polled) {
    if (polled) return printerDeviceReport(polled.value());
    const PrintFailure& f = polled.error();
    if (f.kind == PrintFailureKind::Fault) return printerDeviceReport(f.status);
    return {DeviceHealth::Error, "Máy in không trả lời: " + f.detail};
}

PrintJobs::PrintJobs(Background& background) : background_(background) {}

void PrintJobs::attach(TicketPrinter* printer, std::string centreName) {
    printer_ = printer;
    centreName_ = std::move(centreName);
}

void PrintJobs::print(PrintDocument document, std::function<void(const PrintResult&)> done) {
    if (!printer_) {
        done(fail(PrintFailure{PrintFailureKind::NotConnected, {}, "no printer configured"}));
        return;
    }
    background_.run([this, printer = printer_, document = std::move(document),
                     done = std::move(done)]() mutable {
        auto result = printer->print(document);
        return std::function<void()>([this, result = std::move(result), done = std::move(done)] {
            noteResult(result);
            done(result);
        });
    });
}

void PrintJobs::refreshStatus() {
    if (!printer_) return;
    background_.run([this, printer = printer_] {
        auto polled = printer->status();
        return std::function<void()>([this, polled = std::move(polled)] { noteStatus(polled); });
    });
}

void PrintJobs::noteStatus(const PrinterPoll& polled) {
    if (polled) {
        lastStatus_ = polled.value();
        lastContactFailure_.reset();
    } else if (polled.error().kind == PrintFailureKind::Fault) {
        lastStatus_ = polled.error().status;
        lastContactFailure_.reset();
    } else {
        lastContactFailure_ = polled.error();
    }
}

void PrintJobs::noteResult(const PrintResult& result) {
    if (result) {
        lastStatus_ = result->statusAfter;
        lastContactFailure_.reset();
        return;
    }
    const PrintFailure& f = result.error();
    log::warn("printer", std::string("print failed: ") + f.detail);
    if (f.kind == PrintFailureKind::Fault) {
        lastStatus_ = f.status;
        lastContactFailure_.reset();
    } else if (f.kind != PrintFailureKind::Render) {
        lastContactFailure_ = f;
    }
}

std::string PrintJobs::faultKey() const {
    if (!printer_) return {};
    if (lastContactFailure_) return printFailureMessageKey(*lastContactFailure_);
    if (lastStatus_ && !lastStatus_->canPrint()) return printerStatusMessageKey(*lastStatus_);
    return {};
}

void PrintJobs::printDossierReceipt(DossierReceiptData data) {
    if (data.centreName.empty()) data.centreName = centreName_;
    printReceipt(layoutDossierReceipt(data));
}

void PrintJobs::reprintReceipt() {
    if (lastReceipt_) printReceipt(*lastReceipt_);
}

void PrintJobs::printReceipt(PrintDocument document) {
    if (receiptState_ == PrintState::Printing) return;
    lastReceipt_ = document;
    if (!printer_) {
        receiptState_ = PrintState::Failed;
        receiptErrorKey_ = "printer.none";
        return;
    }
    receiptState_ = PrintState::Printing;
    receiptErrorKey_.clear();
    const auto gen = ++receiptGeneration_;
    print(std::move(document), [this, gen](const PrintResult& result) {
        if (gen != receiptGeneration_) return;  // the visit ended meanwhile
        if (result) {
            receiptState_ = PrintState::Printed;
            return;
        }
        receiptState_ = PrintState::Failed;
        receiptErrorKey_ = printFailureMessageKey(result.error());
    });
}

void PrintJobs::wipe() {
    ++receiptGeneration_;
    lastReceipt_.reset();
    receiptState_ = PrintState::Idle;
    receiptErrorKey_.clear();
}

}  // namespace dvc
