#include "printer_commands.h"

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "api/json_mapping.h"
#include "api/queue_json.h"
#include "escpos_printer.h"
#include "exit_codes.h"
#include "https_portal_client.h"
#include "printing/receipt_layouts.h"
#include "usb_transport.h"

namespace dvc::kioskctl {

namespace {

using namespace std::chrono_literals;
using nlohmann::json;

int exitFor(const PrintFailure& f) {
    switch (f.kind) {
        case PrintFailureKind::Fault:
            return kPrinterFault;
        case PrintFailureKind::NotConnected:
            return kPrinterNotFound;
        case PrintFailureKind::Render:
            return kFailure;
        default:
            return kPrinterIo;
    }
}

int exitFor(PortalErrorKind kind) {
    switch (kind) {
        case PortalErrorKind::NotFound:
            return kNotFound;
        case PortalErrorKind::Unreachable:
        case PortalErrorKind::Timeout:
        case PortalErrorKind::TlsFailure:
            return kUnreachable;
        default:
            return kBadResponse;
    }
}

std::string hex4(std::uint16_t v) {
    char b[8];
    std::snprintf(b, sizeof b, "%04x", v);
    return b;
}

struct OpenedPrinter {
    std::unique_ptr<EscPosPrinter> printer;
    std::string device;
};

// The printer named by --device (default: the first USB printer) at --width (default 576).
Result<OpenedPrinter, int> openPrinter(const CliOptions& o) {
    int width = 576;
    if (o.width) {
        width = o.width == std::string("384") ? 384 : o.width == std::string("576") ? 576 : 0;
        if (!width) {
            std::fprintf(stderr, "dvc-kioskctl: --width must be 384 or 576\n");
            return fail(kUsage);
        }
    }
    auto spec = parseDeviceSpec(o.device.value_or("usb"));
    if (!spec) {
        std::fprintf(stderr, "dvc-kioskctl: %s\n", spec.error().detail.c_str());
        return fail(kUsage);
    }
    auto fonts = TextRasterizer::loadDefault();
    if (!fonts) {
        std::fprintf(stderr, "dvc-kioskctl: %s\n", fonts.error().c_str());
        return fail(kFailure);
    }
    auto transport = openTransport(*spec, 3s);
    if (!transport) {
        auto failure = printFailureOf(transport.error());
        std::fprintf(stderr, "dvc-kioskctl: %s: %s\n", o.device.value_or("usb").c_str(),
                     failure.detail.c_str());
        return fail(exitFor(failure));
    }
    OpenedPrinter p;
    p.device = (*transport)->describe();
    p.printer =
        std::make_unique<EscPosPrinter>(std::move(transport).value(), std::move(fonts).value(),
                                        escpos::EncodeOptions{width, escpos::QrMode::Printer});
    return p;
}

int reportFailure(const std::string& device, const PrintFailure& f) {
    std::fprintf(stderr, "dvc-kioskctl: %s: %s\n", device.c_str(), f.detail.c_str());
    if (f.kind == PrintFailureKind::Fault)
        std::fprintf(stderr, "%s\n", printerStatusMessage(f.status).vi.c_str());
    return exitFor(f);
}

int printerList(bool asJson) {
    auto list = listUsbPrinters();
    if (!list) {
        std::fprintf(stderr, "dvc-kioskctl: %s\n", list.error().detail.c_str());
        return kPrinterIo;
    }
    if (asJson) {
        json out = json::array();
        for (const auto& p : *list)
            out.push_back({{"device", "usb:" + hex4(p.vendorId) + ":" + hex4(p.productId)},
                           {"vid", hex4(p.vendorId)},
                           {"pid", hex4(p.productId)},
                           {"bus", p.bus},
                           {"address", p.address},
                           {"interface", p.interfaceNumber},
                           {"product", p.product}});
        std::printf("%s\n", json{{"printers", out}}.dump().c_str());
    } else {
        for (const auto& p : *list)
            std::printf("usb:%s:%s  bus %03d address %03d  interface %d  %s\n",
                        hex4(p.vendorId).c_str(), hex4(p.productId).c_str(), p.bus, p.address,
                        p.interfaceNumber, p.product.c_str());
    }
    if (list->empty()) {
        std::fprintf(
            stderr,
            "dvc-kioskctl: no USB printer found (libusb sees no device with interface class 7); "
            "check the cable and power, or use --device tcp:HOST:PORT\n");
        return kPrinterNotFound;
    }
    return kOk;
}

int printerTest(const CliOptions& o) {
    auto opened = openPrinter(o);
    if (!opened) return opened.error();
    int width = o.width == std::string("384") ? 384 : 576;
    auto report = opened->printer->print(layoutTestPage(width));
    if (!report) return reportFailure(opened->device, report.error());
    std::printf("test page printed on %s: %zu bytes, %d dots, status %s\n", opened->device.c_str(),
                report->bytesSent, width, printerStatusFlags(report->statusAfter).c_str());
    return kOk;
}

int printerStatus(const CliOptions& o) {
    auto opened = openPrinter(o);
    if (!opened) return opened.error();
    auto status = opened->printer->status();
    if (!status) return reportFailure(opened->device, status.error());
    auto report = printerDeviceReport(*status);
    if (o.json) {
        std::printf("%s\n", json{{"device", opened->device},
                                 {"status", printerStatusFlags(*status)},
                                 {"health", apiName(report.health)},
                                 {"can_print", status->canPrint()},
                                 {"message", printerStatusMessage(*status)}}
                                .dump()
                                .c_str());
    } else {
        std::printf("%s: %s (%s)\n", opened->device.c_str(), printerStatusFlags(*status).c_str(),
                    printerStatusMessage(*status).vi.c_str());
    }
    return status->canPrint() ? kOk : kPrinterFault;
}

int queueTicket(const CliOptions& o) {
    if (!o.service) {
        std::fprintf(stderr, "dvc-kioskctl: queue ticket needs --service ID\n");
        return kUsage;
    }
    auto config = effectiveConfig(o);
    if (!config) {
        std::fprintf(stderr, "dvc-kioskctl: %s\n", config.error().c_str());
        return config.error().starts_with("--") ? kUsage : kFailure;
    }
    // Open the printer first: a technician with no printer should not use up a number.
    auto opened = openPrinter(o);
    if (!opened) return opened.error();
    HttpsPortalClient portal(config->backend, config->kioskId);
    auto ticket = portal.issueTicket({*o.service, PriorityCategory::None, std::nullopt});
    if (!ticket) {
        std::fprintf(stderr, "dvc-kioskctl: %s (%s)\n", ticket.error().detail.c_str(),
                     ticket.error().code.c_str());
        return exitFor(ticket.error().kind);
    }
    TicketPrintData data{config->centreName, {*o.service, *o.service}, *ticket};
    if (auto services = portal.queueServices())
        for (const auto& s : *services)
            if (s.id == *o.service) data.serviceName = s.name;
    auto printed = opened->printer->print(layoutQueueTicket(data));
    // The number is shown whatever happened at the printer: a ticket that failed to print is
    // not lost.
    if (o.json) {
        json out = *ticket;
        out["printed"] = printed.ok();
        if (!printed) out["print_error"] = printed.error().detail;
        std::printf("%s\n", out.dump().c_str());
    } else {
        std::printf("%s  %s  %s  ahead %d  ~%d min  %s\n", ticket->number.c_str(),
                    ticket->counter.c_str(), ticket->ticketId.c_str(), ticket->peopleAhead,
                    ticket->estimatedWaitMinutes, printed ? "printed" : "NOT PRINTED");
    }
    if (!printed) return reportFailure(opened->device, printed.error());
    return kOk;
}

}  // namespace

std::optional<int> runPrinterCommand(const CliOptions& o) {
    const auto& w = o.words;
    if (w.size() == 2 && w[0] == "printer" && w[1] == "list") return printerList(o.json);
    if (w.size() == 2 && w[0] == "printer" && w[1] == "test") return printerTest(o);
    if (w.size() == 2 && w[0] == "printer" && w[1] == "status") return printerStatus(o);
    if (w.size() == 2 && w[0] == "queue" && w[1] == "ticket") return queueTicket(o);
    return std::nullopt;
}

}  // namespace dvc::kioskctl
