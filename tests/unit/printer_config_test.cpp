// [devices] printer / printer_sim / printer_width, and the device-string parser they share with
// dvc-kioskctl's --device.
#include <catch2/catch.hpp>

#include "config/config.h"
#include "printing/printer_device_spec.h"

using namespace dvc;

namespace {
Result<KioskConfig, ConfigError> devices(const std::string& body) {
    return parseConfig("[devices]\n" + body, "kiosk.toml", "/etc/dvc-kiosk");
}
}  // namespace

TEST_CASE("printer config: defaults are the simulator on 127.0.0.1:9100 at 576 dots") {
    auto c = parseConfig("", "kiosk.toml", "/etc/dvc-kiosk");
    REQUIRE(c);
    CHECK(c->devices.printer == DeviceBackend::Sim);
    CHECK(c->devices.printerSim == "127.0.0.1:9100");
    CHECK(c->devices.printerWidth == 576);
}

TEST_CASE("printer config: a device string selects the real printer and is kept") {
    auto usb = devices("printer = \"usb:0416:5011\"\nprinter_width = 384\n");
    REQUIRE(usb);
    CHECK(usb->devices.printer == DeviceBackend::Real);
    CHECK(usb->devices.printerDevice == "usb:0416:5011");
    CHECK(usb->devices.printerWidth == 384);

    auto tcp = devices("printer = \"tcp:192.168.1.50:9100\"\n");
    REQUIRE(tcp);
    CHECK(tcp->devices.printer == DeviceBackend::Real);
    CHECK(tcp->devices.printerDevice == "tcp:192.168.1.50:9100");

    auto file = devices("printer = \"file:/dev/usb/lp0\"\n");
    REQUIRE(file);
    CHECK(file->devices.printerDevice == "file:/dev/usb/lp0");

    // The words of the other devices still work: "real" is the first USB printer.
    auto real = devices("printer = \"real\"\n");
    REQUIRE(real);
    CHECK(real->devices.printer == DeviceBackend::Real);
    CHECK(real->devices.printerDevice == "usb");
    auto none = devices("printer = \"none\"\n");
    REQUIRE(none);
    CHECK(none->devices.printer == DeviceBackend::None);
    auto sim = devices("printer = \"sim\"\nprinter_sim = \"127.0.0.1:40123\"\n");
    REQUIRE(sim);
    CHECK(sim->devices.printer == DeviceBackend::Sim);
    CHECK(sim->devices.printerSim == "127.0.0.1:40123");
}

TEST_CASE("printer config: bad values name the key and the line") {
    auto badUsb = devices("qr = \"none\"\nprinter = \"usb:04x6:5011\"\n");
    REQUIRE_FALSE(badUsb);
    CHECK(badUsb.error().key == "devices.printer");
    CHECK(badUsb.error().line == 3);
    CHECK(badUsb.error().message.find("usb:VID:PID in hexadecimal") != std::string::npos);

    auto word = devices("printer = \"epson\"\n");
    REQUIRE_FALSE(word);
    CHECK(word.error().key == "devices.printer");

    auto width = devices("printer_width = 512\n");
    REQUIRE_FALSE(width);
    CHECK(width.error().key == "devices.printer_width");
    CHECK(width.error().message == "must be 384 (58 mm paper) or 576 (80 mm paper)");

    auto simAddress = devices("printer_sim = \"localhost\"\n");
    REQUIRE_FALSE(simAddress);
    CHECK(simAddress.error().key == "devices.printer_sim");
    auto simPort = devices("printer_sim = \"127.0.0.1:70000\"\n");
    REQUIRE_FALSE(simPort);
    CHECK(simPort.error().key == "devices.printer_sim");
}

TEST_CASE("printer device strings: usb, tcp, file") {
    auto anyUsb = parsePrinterDevice("usb");
    REQUIRE(anyUsb);
    CHECK(anyUsb->kind == DeviceSpec::Kind::Usb);
    CHECK(anyUsb->vendorId == 0);
    auto usb = parsePrinterDevice("usb:0416:5011");
    REQUIRE(usb);
    CHECK(usb->vendorId == 0x0416);
    CHECK(usb->productId == 0x5011);
    auto tcp = parsePrinterDevice("tcp:printer.local");
    REQUIRE(tcp);
    CHECK(tcp->kind == DeviceSpec::Kind::Tcp);
    CHECK(tcp->host == "printer.local");
    CHECK(tcp->port == 9100);
    auto hostPort = parseHostPort("127.0.0.1:40123");
    REQUIRE(hostPort);
    CHECK(hostPort->host == "127.0.0.1");
    CHECK(hostPort->port == 40123);
    CHECK_FALSE(parsePrinterDevice("usb:0416"));
    CHECK_FALSE(parsePrinterDevice("tcp:"));
    CHECK_FALSE(parsePrinterDevice("tcp:host:0"));
    CHECK_FALSE(parsePrinterDevice("file:"));
    CHECK_FALSE(parsePrinterDevice(""));
    CHECK_FALSE(parseHostPort(":9100"));
}
