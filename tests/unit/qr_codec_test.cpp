#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include "qr_codec.h"
#include "sim_qr_source.h"

using namespace dvc;
namespace fs = std::filesystem;

namespace {
fs::path tempDir(const char* name) {
    auto dir = fs::temp_directory_path() / (std::string("dvc-qr-") + name + "-" +
                                            std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
}  // namespace

TEST_CASE("a QR written as PNG decodes back, Vietnamese included") {
    auto dir = tempDir("codec");
    const std::string text = "042090001234||Nguyễn Văn Ánh|12051990|Nam|Thạch Hạ, Hà Tĩnh|01072021";
    REQUIRE(writeQrPng(text, dir / "card.png"));
    auto decoded = decodeQrImageFile(dir / "card.png");
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == text);
    fs::remove_all(dir);
}

TEST_CASE("pictures without a QR code and non-images are unreadable, not crashes") {
    auto dir = tempDir("bad");
    std::ofstream(dir / "noise.png") << "this is not a PNG";
    auto r = decodeQrImageFile(dir / "noise.png");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == QrScanFailure::Unreadable);
    std::vector<std::uint8_t> grey(640 * 480, 200);
    auto blank = decodeQrLuma(grey.data(), 640, 480, 640);
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error() == QrScanFailure::Unreadable);
    fs::remove_all(dir);
}

TEST_CASE("the simulated camera sees files dropped in its inbox, once each") {
    auto dir = tempDir("inbox");
    SimQrSource source(dir);
    std::atomic<bool> cancel{false};
    REQUIRE(writeQrPng("000.00.19.H42-261123-0001", dir / "a.png"));
    std::ofstream(dir / "b.txt") << "typed-by-wedge\r\n";
    std::ofstream(dir / ".hidden.png") << "half written";
    auto first = source.scan(std::chrono::milliseconds(500), cancel);
    REQUIRE(first.ok());
    CHECK(first.value() == "000.00.19.H42-261123-0001");
    auto second = source.scan(std::chrono::milliseconds(500), cancel);
    REQUIRE(second.ok());
    CHECK(second.value() == "typed-by-wedge");
    auto none = source.scan(std::chrono::milliseconds(200), cancel);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error() == QrScanFailure::NoCode);
    fs::remove_all(dir);
}

TEST_CASE("a scan can be cancelled and a missing inbox is a device error") {
    auto dir = tempDir("cancel");
    SimQrSource source(dir);
    std::atomic<bool> cancel{false};
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        cancel = true;
    });
    auto r = source.scan(std::chrono::seconds(10), cancel);
    canceller.join();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == QrScanFailure::Cancelled);
    fs::remove_all(dir);
    std::atomic<bool> no{false};
    auto gone = source.scan(std::chrono::milliseconds(100), no);
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error() == QrScanFailure::DeviceError);
}
