#include "device_printer.h"

#include "escpos_printer.h"
#include "printer_transport.h"

namespace dvc {

DeviceTicketPrinter::DeviceTicketPrinter(DeviceSpec spec, TextRasterizer text,
                                         escpos::EncodeOptions options,
                                         std::chrono::milliseconds connectTimeout)
    : spec_(std::move(spec)),
      text_(std::move(text)),
      options_(options),
      connectTimeout_(connectTimeout) {}

Result<PrinterStatus, PrintFailure> DeviceTicketPrinter::status() {
    std::lock_guard lock(mutex_);
    auto transport = openTransport(spec_, connectTimeout_);
    if (!transport) return fail(printFailureOf(transport.error()));
    EscPosPrinter printer(std::move(transport).value(), text_, options_);
    return printer.status();
}

Result<PrintReport, PrintFailure> DeviceTicketPrinter::print(const PrintDocument& document) {
    std::lock_guard lock(mutex_);
    auto transport = openTransport(spec_, connectTimeout_);
    if (!transport) return fail(printFailureOf(transport.error()));
    EscPosPrinter printer(std::move(transport).value(), text_, options_);
    return printer.print(document);
}

}  // namespace dvc
