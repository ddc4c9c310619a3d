#pragma once
#include <memory>

#include "escpos_document_encoder.h"
#include "ports/ticket_printer.h"
#include "printer_transport.h"

namespace dvc {

// TicketPrinter over any transport: asks DLE EOT 1..4 before printing (a ticket is never sent
// into an empty printer), renders and sends the document, asks again after.
class EscPosPrinter final : public TicketPrinter {
  public:
    EscPosPrinter(std::unique_ptr<PrinterTransport> transport, TextRasterizer text,
                  escpos::EncodeOptions options);

    Result<PrinterStatus, PrintFailure> status() override;
    Result<PrintReport, PrintFailure> print(const PrintDocument& document) override;

    PrinterTransport& transport() { return *transport_; }

  private:
    std::unique_ptr<PrinterTransport> transport_;
    TextRasterizer text_;
    escpos::EncodeOptions options_;
};

PrintFailure printFailureOf(const TransportError& error);

}  // namespace dvc
