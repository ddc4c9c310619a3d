// Command bytes as published in the ESC/POS command reference.
#include <catch2/catch.hpp>

#include "escpos_commands.h"
#include "escpos_status.h"

using namespace dvc;
using namespace dvc::escpos;

TEST_CASE("ESC/POS commands: published byte sequences") {
    CommandWriter w;
    w.initialize()
        .align(Align::Center)
        .bold(true)
        .characterSize(2, 3)
        .feedLines(3)
        .cut(true)
        .cut(false);
    CHECK(w.bytes() == Bytes{0x1B, 0x40, 0x1B, 0x61, 0x01, 0x1B, 0x45, 0x01, 0x1D, 0x21, 0x12,
                             0x1B, 0x64, 0x03, 0x1D, 0x56, 0x42, 0x00, 0x1D, 0x56, 0x41, 0x00});
    CHECK(statusRequest(1) == Bytes{0x10, 0x04, 0x01});
    CHECK(statusRequest(4) == Bytes{0x10, 0x04, 0x04});
    CHECK(paperSensorRequest() == Bytes{0x1D, 0x72, 0x01});
    CHECK(CommandWriter().text("Aé\n").bytes() == Bytes{'A', '?', '?', '?'});
}

TEST_CASE("ESC/POS GS v 0: header and bands") {
    MonoBitmap image(20, 3);  // 3 bytes per row
    image.setDot(0, 0);
    image.setDot(19, 2);
    auto bytes = CommandWriter().raster(image).bytes();
    REQUIRE(bytes.size() == 8 + 9);
    CHECK(Bytes(bytes.begin(), bytes.begin() + 8) ==
          Bytes{0x1D, 0x76, 0x30, 0x00, 0x03, 0x00, 0x03, 0x00});
    CHECK(bytes[8] == 0x80);
    CHECK(bytes[16] == 0x10);  // dot 19 = bit 3 of the third byte
    MonoBitmap tall(8, 600);
    auto banded = CommandWriter().raster(tall, 256).bytes();
    CHECK(banded.size() == 3 * 8 + 600);  // 256 + 256 + 88 rows
}

TEST_CASE("ESC/POS GS ( k QR: model 2, module size, error correction, store, print") {
    auto bytes = CommandWriter().qrCode("AB", 6, QrErrorCorrection::M).bytes();
    Bytes expected{0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00, 0x1D, 0x28,
                   0x6B, 0x03, 0x00, 0x31, 0x43, 0x06, 0x1D, 0x28, 0x6B, 0x03, 0x00,
                   0x31, 0x45, 0x31, 0x1D, 0x28, 0x6B, 0x05, 0x00, 0x31, 0x50, 0x30,
                   'A',  'B',  0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30};
    CHECK(bytes == expected);
}

TEST_CASE("ESC/POS status: published replies decode") {
    // A printer out of paper: DLE EOT 1 offline, 2 stopped by paper end, 3 no error, 4 paper end.
    auto s = decodeStatus({0x1A, 0x32, 0x12, 0x7E});
    REQUIRE(s.ok());
    CHECK(s->paperOut);
    CHECK(s->paperNearEnd);
    CHECK_FALSE(s->online);
    CHECK_FALSE(s->coverOpen);
    auto ok = decodeStatus({0x12, 0x12, 0x12, 0x12});
    REQUIRE(ok.ok());
    CHECK(ok->canPrint());
    CHECK(*ok == PrinterStatus{});
    auto cover = decodeStatus({0x1A, 0x16, 0x12, 0x12});
    REQUIRE(cover.ok());
    CHECK(cover->coverOpen);
    auto cutter = decodeStatus({0x1A, 0x52, 0x1A, 0x12});
    REQUIRE(cutter.ok());
    CHECK(cutter->cutterError);
    auto bad = decodeStatus({0x00, 0x12, 0x12, 0x12});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("DLE EOT 1") != std::string::npos);
    PrinterStatus sensor;
    applyPaperSensor(sensor, 0x03);
    CHECK(sensor.paperNearEnd);
    CHECK_FALSE(sensor.paperOut);
    applyPaperSensor(sensor, 0x0F);
    CHECK(sensor.paperOut);
}

TEST_CASE("ESC/POS status: every fault survives the printer's encoding and our decoding") {
    for (int mask = 0; mask < 32; ++mask) {
        PrinterStatus s;
        s.paperOut = mask & 1;
        s.paperNearEnd = (mask & 2) || s.paperOut;  // a printer out of paper also reports near end
        s.coverOpen = mask & 4;
        s.cutterError = mask & 8;
        s.unrecoverableError = mask & 16;
        s.online = s.canPrint();
        std::array<std::uint8_t, 4> replies{};
        for (int n = 1; n <= 4; ++n) replies[static_cast<std::size_t>(n - 1)] = statusReply(s, n);
        auto back = decodeStatus(replies);
        REQUIRE(back.ok());
        CHECK(*back == s);
    }
}
