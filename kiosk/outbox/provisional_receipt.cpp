#include "outbox/provisional_receipt.h"

namespace dvc {

ProvisionalReceipt provisionalReceiptFor(const OutboxEntry& entry) {
    ProvisionalReceipt r;
    r.localRef = entry.localRef;
    r.shortKey = entry.idempotencyKey.substr(0, 8);
    r.procedureCode = entry.procedureCode;
    r.submittedAt = isoVietnamTime(entry.createdAt);
    return r;
}

}  // namespace dvc
