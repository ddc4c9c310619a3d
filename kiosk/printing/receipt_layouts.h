#pragma once
// The receipts the kiosk prints, all through the same document model and layout engine:
// queue tickets, dossier receipts (procedures issue) and payment receipts (payment issue).
#include <string>
#include <vector>

#include "domain/dossier.h"
#include "domain/queue.h"
#include "printing/print_document.h"

namespace dvc {

struct TicketPrintData {
    std::string centreName;
    BilingualText serviceName;
    QueueTicket ticket;
};

struct DossierReceiptData {
    std::string centreName;
    DossierStatus dossier;  // applicant name already masked
    std::string lookupUrl;  // QR: where the citizen follows the dossier
};

// A dossier stored in the kiosk's outbox while the gateway was unreachable: no dossier code yet,
// the local reference the counter can find it by.
struct ProvisionalReceiptPrintData {
    std::string centreName;
    std::string procedureName;
    std::string localRef;
    std::string shortKey;
    std::string submittedAt;  // ISO 8601
    std::string qrText;
};

struct PaymentLine {
    std::string name;
    long long amountVnd = 0;
};

struct PaymentReceiptData {
    std::string centreName;
    std::string dossierCode;
    std::vector<PaymentLine> lines;
    std::string paidAt;  // ISO 8601
    std::string transactionRef;
};

PrintDocument layoutQueueTicket(const TicketPrintData& data);
PrintDocument layoutDossierReceipt(const DossierReceiptData& data);
PrintDocument layoutProvisionalReceipt(const ProvisionalReceiptPrintData& data);
PrintDocument layoutPaymentReceipt(const PaymentReceiptData& data);
// Technician's test page: a ruler of the paper width in dots, every text size (raster and the
// printer's own font), a QR code and the Vietnamese alphabet with all tones.
PrintDocument layoutTestPage(int widthDots);

// "1.234.000 ₫"
std::string formatVnd(long long amount);

}  // namespace dvc
