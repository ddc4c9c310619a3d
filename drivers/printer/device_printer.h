#pragma once
// The kiosk's printer: a TicketPrinter that opens the device for each job or status poll and
// closes it after. A network printer (or dvc-printer-sim) is then free between tickets for the
// technician's `dvc-kioskctl printer status`, a restarted printer or a replugged USB cable needs
// no kiosk restart, and a dropped idle connection never fails the next ticket.
#include <chrono>
#include <mutex>

#include "escpos_document_encoder.h"
#include "ports/ticket_printer.h"
#include "printing/printer_device_spec.h"
#include "printing/text_rasterizer.h"

namespace dvc {

class DeviceTicketPrinter final : public TicketPrinter {
  public:
    DeviceTicketPrinter(DeviceSpec spec, TextRasterizer text, escpos::EncodeOptions options,
                        std::chrono::milliseconds connectTimeout = std::chrono::seconds(3));

    // Both serialise on one mutex: a status poll never interleaves with a ticket's bytes.
    Result<PrinterStatus, PrintFailure> status() override;
    Result<PrintReport, PrintFailure> print(const PrintDocument& document) override;

  private:
    std::mutex mutex_;
    DeviceSpec spec_;
    TextRasterizer text_;
    escpos::EncodeOptions options_;
    std::chrono::milliseconds connectTimeout_;
};

}  // namespace dvc
