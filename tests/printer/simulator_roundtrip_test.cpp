// The ticket goes through the encoder and the simulated printer; its QR is read back from the
// PNG of the paper with ZXing and compared with what was meant.
#include <catch2/catch.hpp>

#include <filesystem>

#include "escpos_document_encoder.h"
#include "escpos_printer.h"
#include "gateway_process.h"
#include "paper_png.h"
#include "qr_codec.h"
#include "sim/escpos_interpreter.h"
#include "sim/sim_transport.h"
#include "support.h"

using namespace dvc;

namespace {
std::filesystem::path tempDir(const std::string& name) {
    return test::freshTempDir(name);
}
}  // namespace

TEST_CASE("ticket round trip: encoder → simulator → PNG → ZXing, both widths and QR modes") {
    const std::string url = "https://gw.local:8443/q/tk_20261123_A015?quầy=3";
    auto doc = layoutQueueTicket(test::sampleTicket(url));
    auto dir = tempDir("printer-roundtrip");
    for (int width : {384, 576}) {
        for (auto mode : {escpos::QrMode::Printer, escpos::QrMode::Raster}) {
            auto bytes = escpos::encodeDocument(doc, test::noto(), {width, mode});
            REQUIRE(bytes.ok());
            sim::EscPosInterpreter printer(width, test::noto());
            auto replies = printer.feed(*bytes);
            CHECK(replies.empty());
            CHECK(printer.diagnostics().empty());
            auto pages = printer.takeCutPages();
            REQUIRE(pages.size() == 1);
            CHECK(printer.partialCuts() == 1);
            CHECK(pages[0].width() == width);
            CHECK(pages[0].height() > 600);
            if (mode == escpos::QrMode::Printer)
                CHECK(printer.qrPrinted() == std::vector<std::string>{url});
            else
                CHECK(printer.qrPrinted().empty());
            auto png = dir / ("ticket-" + std::to_string(width) +
                              (mode == escpos::QrMode::Printer ? "-gs" : "-raster") + ".png");
            REQUIRE(sim::writePaperPng(pages[0], png));
            auto decoded = decodeQrImageFile(png);
            REQUIRE(decoded.ok());
            CHECK(*decoded == url);
        }
    }
}

TEST_CASE("simulator: bytes split anywhere draw the same paper") {
    auto doc = layoutQueueTicket(test::sampleTicket());
    auto bytes = escpos::encodeDocument(doc, test::noto(), {384, escpos::QrMode::Printer});
    REQUIRE(bytes.ok());
    sim::EscPosInterpreter whole(384, test::noto()), split(384, test::noto());
    whole.feed(*bytes);
    for (std::size_t i = 0; i < bytes->size(); i += 7)
        split.feed(bytes->data() + i, std::min<std::size_t>(7, bytes->size() - i));
    auto a = whole.takeCutPages(), b = split.takeCutPages();
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].bytes() == b[0].bytes());
}

TEST_CASE("simulator: status requests answered, a faulted printer discards the job") {
    sim::EscPosInterpreter printer(384, std::nullopt);
    PrinterStatus out;
    out.paperOut = true;
    out.paperNearEnd = true;
    out.online = false;
    printer.setStatus(out);
    auto replies = printer.feed(
        {0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x03, 0x10, 0x04, 0x04, 0x1D, 0x72, 0x01});
    CHECK(replies == std::vector<std::uint8_t>{0x1A, 0x32, 0x12, 0x7E, 0x0F});
    printer.feed({'H', 'i', 0x0A, 0x1D, 0x56, 0x42, 0x00});
    CHECK(printer.cuts() == 0);
    CHECK(printer.bytesDiscarded() >= 3);
    CHECK(printer.takeCutPages().empty());
}

TEST_CASE("simulator: garbage and truncated commands never crash, unknown ones are reported") {
    sim::EscPosInterpreter printer(384, std::nullopt);
    printer.feed({0x1B, 0x7F, 0x1D, 0x7F, 0x10, 0x07, 0x00});
    CHECK(printer.diagnostics().size() >= 2);
    // A GS v 0 claiming 65535 × 65535 bytes is refused instead of allocated.
    printer.feed({0x1D, 0x76, 0x30, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00});
    CHECK(printer.diagnostics().back().find("too large") != std::string::npos);
    std::uint32_t seed = 12345;
    sim::EscPosInterpreter fuzzed(384, test::noto());
    for (int round = 0; round < 200; ++round) {
        std::vector<std::uint8_t> junk(64);
        for (auto& b : junk) {
            seed = seed * 1103515245u + 12345u;
            b = static_cast<std::uint8_t>(seed >> 16);
        }
        fuzzed.feed(junk);
    }
    CHECK(fuzzed.uncutPaper().width() == 384);
}

TEST_CASE("EscPosPrinter: prints through the in-process simulator, refuses a faulted printer") {
    auto printer = std::make_shared<sim::EscPosInterpreter>(384, test::noto());
    EscPosPrinter p(std::make_unique<sim::SimTransport>(printer), test::noto(),
                    {384, escpos::QrMode::Printer});
    auto st = p.status();
    REQUIRE(st.ok());
    CHECK(st->canPrint());
    auto report = p.print(layoutQueueTicket(test::sampleTicket()));
    REQUIRE(report.ok());
    CHECK(report->bytesSent > 1000);
    CHECK(printer->cuts() == 1);

    PrinterStatus cover;
    cover.coverOpen = true;
    cover.online = false;
    printer->setStatus(cover);
    auto refused = p.print(layoutQueueTicket(test::sampleTicket()));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == PrintFailureKind::Fault);
    CHECK(refused.error().status.coverOpen);
    CHECK(printFailureMessage(refused.error()).vi == "Nắp máy in đang mở, vui lòng đến quầy");
    CHECK(printer->cuts() == 1);  // nothing was sent

    PrinterStatus near;
    near.paperNearEnd = true;
    printer->setStatus(near);
    auto warned = p.print(layoutQueueTicket(test::sampleTicket()));
    REQUIRE(warned.ok());
    CHECK(printerDeviceReport(warned->statusAfter).health == DeviceHealth::Warning);
}

TEST_CASE("encoder: bad widths and QR texts are errors") {
    PrintDocument doc;
    doc.text("x");
    CHECK_FALSE(escpos::encodeDocument(doc, test::noto(), {500, escpos::QrMode::Printer}).ok());
    PrintDocument emptyQr;
    emptyQr.qr("");
    CHECK_FALSE(escpos::encodeDocument(emptyQr, test::noto(), {384, escpos::QrMode::Raster}).ok());
    auto test =
        escpos::encodeDocument(layoutTestPage(576), test::noto(), {576, escpos::QrMode::Printer});
    REQUIRE(test.ok());
    sim::EscPosInterpreter printer(576, test::noto());
    printer.feed(*test);
    CHECK(printer.diagnostics().empty());
    auto pages = printer.takeCutPages();
    REQUIRE(pages.size() == 1);
    CHECK(printer.partialCuts() == 0);
}
