#include "ports/ticket_printer.h"

namespace dvc {

BilingualText printFailureMessage(const PrintFailure& failure) {
    if (failure.kind == PrintFailureKind::Fault) return printerStatusMessage(failure.status);
    return {
        "Không in được phiếu, vui lòng ghi lại số trên màn hình hoặc đến quầy",
        "The ticket could not be printed; please note the number on screen or go to the counter"};
}

const char* printFailureMessageKey(const PrintFailure& failure) {
    if (failure.kind == PrintFailureKind::Fault) return printerStatusMessageKey(failure.status);
    return "printer.not_printed";
}

}  // namespace dvc
