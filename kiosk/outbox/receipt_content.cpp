#include "outbox/receipt_content.h"

#include "domain/time_format.h"

namespace dvc {

ReceiptContent finalReceiptContent(const DossierReceipt& r, const std::string& procedureName,
                                   const std::string& submittedAt) {
    ReceiptContent c;
    c.titleKey = "receipt.title";
    c.lines = {
        {"receipt.dossier_code", r.code},
        {"receipt.procedure", procedureName.empty() ? r.procedureCode : procedureName},
        {"receipt.submitted_at", formatDateTime(submittedAt.empty() ? r.receivedAt : submittedAt)},
        {"receipt.appointment", formatDate(r.dueAt)}};
    c.noteKey = "receipt.follow_up";
    c.qrText = r.code;  // what the kiosk's status lookup reads back (extractDossierCode)
    return c;
}

ReceiptContent provisionalReceiptContent(const ProvisionalReceipt& r,
                                         const std::string& procedureName) {
    ReceiptContent c;
    c.titleKey = "receipt.provisional_title";
    c.lines = {{"receipt.provisional_ref", r.localRef + " (" + r.shortKey + ")"},
               {"receipt.procedure", procedureName.empty() ? r.procedureCode : procedureName},
               {"receipt.submitted_at", formatDateTime(r.submittedAt)}};
    c.noteKey = r.messageKey;
    c.qrText = r.qrText();
    return c;
}

}  // namespace dvc
