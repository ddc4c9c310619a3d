#pragma once
// What a receipt says, for the screen and the printer alike: labelled lines (i18n keys and
// values already formatted the Vietnamese way), how to follow up, and the QR code's text.
#include <string>
#include <vector>

#include "domain/dossier_submission.h"
#include "outbox/provisional_receipt.h"

namespace dvc {

struct ReceiptLine {
    std::string labelKey;  // e.g. "receipt.dossier_code"
    std::string value;
};

struct ReceiptContent {
    std::string titleKey;
    std::vector<ReceiptLine> lines;
    std::string noteKey;  // how to follow up / what happens next
    std::string qrText;   // the dossier code (final) or the provisional reference
};

// Dossier code, procedure, submitted time, appointment date; QR of the dossier code.
ReceiptContent finalReceiptContent(const DossierReceipt& receipt, const std::string& procedureName,
                                   const std::string& submittedAt);
// Local reference and short key, procedure, submitted time; QR of both.
ReceiptContent provisionalReceiptContent(const ProvisionalReceipt& receipt,
                                         const std::string& procedureName);

}  // namespace dvc
