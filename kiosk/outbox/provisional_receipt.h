#pragma once
// What the citizen takes away when the gateway cannot be reached: the submission is safe in
// the outbox and will be sent later. The local reference (T-<kiosk>-<yymmdd>-<n>) can be shown
// at the counter; staff find the submission by it on the kiosk, and the back office by the
// short key (the first 8 characters of the Idempotency-Key the dossier will arrive with).
#include <string>

#include "outbox/outbox_store.h"

namespace dvc {

struct ProvisionalReceipt {
    std::string localRef;
    std::string shortKey;  // first 8 hex digits of the idempotency key
    std::string procedureCode;
    std::string submittedAt;  // ISO 8601, Vietnam time
    // i18n key of the explanation ("will be sent automatically; keep this reference").
    std::string messageKey = "receipt.provisional_explanation";
    // Text for the receipt's QR code: the local reference and the short key.
    std::string qrText() const { return "DVC-TAM:" + localRef + ":" + shortKey; }
};

ProvisionalReceipt provisionalReceiptFor(const OutboxEntry& entry);

}  // namespace dvc
