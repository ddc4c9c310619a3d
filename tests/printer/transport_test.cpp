#include <catch2/catch.hpp>

#include <libusb.h>

#include <filesystem>
#include <fstream>

#include "escpos_printer.h"
#include "gateway_process.h"
#include "printer_simulator.h"
#include "qr_codec.h"
#include "support.h"
#include "tcp_transport.h"
#include "usb_transport.h"

using namespace dvc;
using namespace std::chrono_literals;

TEST_CASE("device specs: usb, tcp, file, and bad ones are clear errors") {
    auto usb = parseDeviceSpec("usb:0416:5011");
    REQUIRE(usb.ok());
    CHECK(usb->kind == DeviceSpec::Kind::Usb);
    CHECK(usb->vendorId == 0x0416);
    CHECK(usb->productId == 0x5011);
    auto tcp = parseDeviceSpec("tcp:192.168.1.50:9101");
    REQUIRE(tcp.ok());
    CHECK(tcp->host == "192.168.1.50");
    CHECK(tcp->port == 9101);
    CHECK(parseDeviceSpec("tcp:printer.local")->port == 9100);
    CHECK(parseDeviceSpec("file:/dev/usb/lp0")->path == "/dev/usb/lp0");
    for (const char* bad : {"usb:xyz:1", "usb:0416", "usb:12345:1", "tcp:", "tcp:h:0",
                            "tcp:h:99999", "file:", "lp0"}) {
        auto r = parseDeviceSpec(bad);
        CHECK_FALSE(r.ok());
        if (!r.ok()) CHECK(r.error().kind == TransportErrorKind::BadSpec);
    }
}

TEST_CASE("USB: enumeration without printers is an empty list, and opening says none was found") {
    auto list = listUsbPrinters();
    if (!list.ok()) {
        // No usbfs in this sandbox: still an error value with a name, not a crash.
        CHECK_FALSE(list.error().detail.empty());
        return;
    }
    if (!list->empty()) return;  // a machine with a real printer: nothing more to check here
    auto any = UsbTransport::open(0, 0);
    REQUIRE_FALSE(any.ok());
    CHECK(any.error().kind == TransportErrorKind::NotFound);
    CHECK(any.error().detail.find("no USB printer found") != std::string::npos);
    auto specific = openTransport(*parseDeviceSpec("usb:0416:5011"), 1s);
    REQUIRE_FALSE(specific.ok());
    CHECK(specific.error().detail.find("0416:5011") != std::string::npos);
    CHECK(printFailureOf(specific.error()).kind == PrintFailureKind::NotConnected);
}

TEST_CASE("USB: libusb errors map to transport errors with hints") {
    CHECK(usbError(LIBUSB_ERROR_ACCESS, "open").kind == TransportErrorKind::AccessDenied);
    CHECK(usbError(LIBUSB_ERROR_ACCESS, "open").detail.find("udev") != std::string::npos);
    CHECK(usbError(LIBUSB_ERROR_BUSY, "claim").kind == TransportErrorKind::Busy);
    CHECK(usbError(LIBUSB_ERROR_NO_DEVICE, "bulk").kind == TransportErrorKind::Disconnected);
    CHECK(usbError(LIBUSB_ERROR_TIMEOUT, "bulk").kind == TransportErrorKind::Timeout);
    CHECK(usbError(LIBUSB_ERROR_PIPE, "bulk").kind == TransportErrorKind::Io);
    CHECK(printFailureOf(usbError(LIBUSB_ERROR_TIMEOUT, "bulk")).kind == PrintFailureKind::Timeout);
}

TEST_CASE("file transport: writes the bytes, no status replies") {
    auto dir = test::freshTempDir("printer-file");
    auto path = dir / "lp0";
    auto t = openTransport(*parseDeviceSpec("file:" + path.string()), 1s);
    REQUIRE(t.ok());
    CHECK_FALSE((*t)->canReadBack());
    EscPosPrinter printer(std::move(t).value(), test::noto(), {384, escpos::QrMode::Printer});
    auto st = printer.status();
    REQUIRE(st.ok());
    CHECK_FALSE(st->known);
    auto report = printer.print(layoutQueueTicket(test::sampleTicket()));
    REQUIRE(report.ok());
    CHECK(std::filesystem::file_size(path) == report->bytesSent);
    auto denied = openTransport(*parseDeviceSpec("file:/nonexistent-dir/lp0"), 1s);
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().kind == TransportErrorKind::NotFound);
}

TEST_CASE("TCP transport: refused connection is an error value") {
    auto dir = test::freshTempDir("printer-tcp-refused");
    std::uint16_t port = 0;
    {
        auto sim = sim::PrinterSimulator::start("127.0.0.1", 0, {384, dir, {}});
        REQUIRE(sim.ok());
        port = (*sim)->port();
    }  // closed: nothing listens there now
    auto t = TcpTransport::connect("127.0.0.1", port, 1s);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().kind == TransportErrorKind::NotFound);
    CHECK_FALSE(TcpTransport::connect("no-such-host.invalid", 9100, 1s).ok());
}

TEST_CASE("network printer simulator: ticket over TCP 9100-style, PNG, QR read back, faults") {
    auto dir = test::freshTempDir("printer-sim");
    auto sim = sim::PrinterSimulator::start("127.0.0.1", 0, {576, dir, {}});
    REQUIRE(sim.ok());
    CHECK_FALSE(sim::PrinterSimulator::start("0.0.0.0", 0, {576, dir, {}}).ok());
    auto spec = parseDeviceSpec("tcp:127.0.0.1:" + std::to_string((*sim)->port()));
    REQUIRE(spec.ok());
    const std::string url = "https://gw.local:8443/q/tk_20261123_B002";
    {
        auto t = openTransport(*spec, 2s);
        REQUIRE(t.ok());
        EscPosPrinter printer(std::move(t).value(), test::noto(), {576, escpos::QrMode::Printer});
        auto report = printer.print(layoutQueueTicket(test::sampleTicket(url)));
        REQUIRE(report.ok());
        auto pages = (*sim)->pages();
        REQUIRE(pages.size() == 1);
        auto decoded = decodeQrImageFile(pages[0]);
        REQUIRE(decoded.ok());
        CHECK(*decoded == url);

        PrinterStatus out;
        out.paperOut = true;
        out.paperNearEnd = true;
        out.online = false;
        (*sim)->setStatus(out);
        auto st = printer.status();
        REQUIRE(st.ok());
        CHECK(st->paperOut);
        auto refused = printer.print(layoutQueueTicket(test::sampleTicket(url)));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == PrintFailureKind::Fault);
        CHECK(printFailureMessage(refused.error()).vi == "Máy in hết giấy, vui lòng đến quầy");
        CHECK(printerDeviceReport(refused.error().status).health == DeviceHealth::Error);
    }
    (*sim)->stop();
    CHECK((*sim)->pages().size() == 1);
    CHECK((*sim)->diagnostics().empty());
}

TEST_CASE("dvc-printer-sim tool: prints its port, honours --paper-out") {
    auto dir = test::freshTempDir("printer-sim-tool");
    auto child = test::spawnWithStdout({DVC_PRINTER_SIM_BIN, "--listen", "127.0.0.1:0", "--out",
                                        dir.string(), "--width", "384", "--paper-out"});
    auto line = test::readLineStartingWith(child.out, "");
    REQUIRE(line.has_value());
    int port = std::stoi(*line);
    REQUIRE(port > 0);
    auto t = openTransport(*parseDeviceSpec("tcp:127.0.0.1:" + std::to_string(port)), 2s);
    REQUIRE(t.ok());
    EscPosPrinter printer(std::move(t).value(), test::noto(), {384, escpos::QrMode::Printer});
    auto st = printer.status();
    REQUIRE(st.ok());
    CHECK(st->paperOut);
    CHECK(test::reap(child, true) == 0);
    CHECK(test::runCommand({DVC_PRINTER_SIM_BIN, "--listen", "127.0.0.1:0"}).exitCode == 2);
}
