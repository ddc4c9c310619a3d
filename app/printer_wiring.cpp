#include "printer_wiring.h"

#include "device_printer.h"
#include "log/log.h"
#include "printing/printer_device_spec.h"
#include "printing/text_rasterizer.h"

namespace dvc::app {

std::unique_ptr<TicketPrinter> makeTicketPrinter(const KioskConfig& config) {
    const DevicesConfig& d = config.devices;
    if (d.printer == DeviceBackend::None) return nullptr;
    // The config parser has checked both strings already.
    auto spec = d.printer == DeviceBackend::Sim ? parseHostPort(d.printerSim)
                                                : parsePrinterDevice(d.printerDevice);
    if (!spec) {
        log::error("printer", "bad printer device: " + spec.error());
        return nullptr;
    }
    auto fonts = TextRasterizer::loadDefault();
    if (!fonts) {
        log::error("printer", "no fonts for receipts: " + fonts.error());
        return nullptr;
    }
    log::info("printer",
              std::string("printer: ") +
                  (d.printer == DeviceBackend::Sim ? "sim tcp:" + d.printerSim : d.printerDevice) +
                  " width " + std::to_string(d.printerWidth));
    return std::make_unique<DeviceTicketPrinter>(
        std::move(spec).value(), std::move(fonts).value(),
        escpos::EncodeOptions{d.printerWidth, escpos::QrMode::Printer});
}

std::unique_ptr<TicketPrinter> attachTicketPrinter(Session& session, const KioskConfig& config) {
    auto printer = makeTicketPrinter(config);
    session.attachPrinter(printer.get(), config.centreName);
    return printer;
}

}  // namespace dvc::app
