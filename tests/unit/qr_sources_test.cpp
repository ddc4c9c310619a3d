// The real QR source drivers: the serial scanner through a pseudo-terminal (the same termios
// code path as /dev/ttyACM0) and the V4L2 camera's error paths and frame conversions.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "config/config.h"
#include "frame_luma.h"
#include "qr_codec.h"
#include "qr_source_factory.h"
#include "serial_qr_source.h"
#include "v4l2_camera_source.h"

#include <stb_image_write.h>

using namespace dvc;
using namespace std::chrono_literals;

namespace {

const std::string kCanCuoc2024 =
    "079304012345||Trần Thị Bích Ngọc|29022004|Nữ|123 Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ "
    "Chí Minh|15082024||||";

struct PseudoTerminal {
    int master = -1;
    std::string slavePath;
    PseudoTerminal() {
        int slave = -1;
        char name[256] = {};
        REQUIRE(::openpty(&master, &slave, name, nullptr, nullptr) == 0);
        slavePath = name;
        ::close(slave);  // the source opens it by path, like a real device
    }
    ~PseudoTerminal() {
        if (master >= 0) ::close(master);
    }
    void send(const std::string& bytes) const {
        REQUIRE(::write(master, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    }
};

}  // namespace

TEST_CASE("Serial scanner: a code sent in bursts without CR/LF is read whole") {
    PseudoTerminal pty;
    SerialQrSource source(pty.slavePath);
    std::atomic<bool> cancel{false};
    std::thread scanner([&] {
        std::this_thread::sleep_for(100ms);  // after scan() has opened and flushed the port
        pty.send(kCanCuoc2024.substr(0, 40));
        std::this_thread::sleep_for(5ms);
        pty.send(kCanCuoc2024.substr(40));
    });
    auto text = source.scan(5s, cancel);
    scanner.join();
    REQUIRE(text);
    CHECK(*text == kCanCuoc2024);
}

TEST_CASE("Serial scanner: a code ended by CR, then another on the next scan") {
    PseudoTerminal pty;
    SerialQrSource source(pty.slavePath);
    std::atomic<bool> cancel{false};
    std::thread scanner([&] {
        std::this_thread::sleep_for(100ms);
        pty.send("G01.01.02-251120-0001\r");
    });
    auto first = source.scan(5s, cancel);
    scanner.join();
    REQUIRE(first);
    CHECK(*first == "G01.01.02-251120-0001");
    pty.send("second\r\n");
    auto second = source.scan(5s, cancel);
    REQUIRE(second);
    CHECK(*second == "second");
}

TEST_CASE("Serial scanner: bytes that are not UTF-8 are unreadable, not text") {
    PseudoTerminal pty;
    SerialQrSource source(pty.slavePath);
    std::atomic<bool> cancel{false};
    std::thread scanner([&] {
        std::this_thread::sleep_for(100ms);
        pty.send("Nguy\xe1\xbb\r");  // a truncated 3-byte sequence
    });
    auto text = source.scan(5s, cancel);
    scanner.join();
    REQUIRE_FALSE(text);
    CHECK(text.error() == QrScanFailure::Unreadable);
}

TEST_CASE("Serial scanner: nothing scanned, cancelled, unplugged, missing") {
    std::atomic<bool> cancel{false};
    {
        PseudoTerminal pty;
        SerialQrSource source(pty.slavePath);
        auto none = source.scan(200ms, cancel);
        REQUIRE_FALSE(none);
        CHECK(none.error() == QrScanFailure::NoCode);

        std::atomic<bool> cancelled{true};
        auto c = source.scan(5s, cancelled);
        REQUIRE_FALSE(c);
        CHECK(c.error() == QrScanFailure::Cancelled);

        // Unplugging a USB scanner: the other end disappears, read() reports EIO.
        std::thread unplug([&] {
            std::this_thread::sleep_for(100ms);
            ::close(pty.master);
            pty.master = -1;
        });
        auto gone = source.scan(5s, cancel);
        unplug.join();
        REQUIRE_FALSE(gone);
        CHECK(gone.error() == QrScanFailure::DeviceError);
    }
    SerialQrSource missing("/dev/ttyDOES-NOT-EXIST");
    auto m = missing.scan(100ms, cancel);
    REQUIRE_FALSE(m);
    CHECK(m.error() == QrScanFailure::DeviceError);

    const auto plain = std::filesystem::temp_directory_path() /
                       ("dvc-serial-not-tty-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(plain) << "x";
    SerialQrSource notTty(plain);
    auto n = notTty.scan(100ms, cancel);
    REQUIRE_FALSE(n);
    CHECK(n.error() == QrScanFailure::DeviceError);
    std::filesystem::remove(plain);
}

TEST_CASE("Camera: a missing device or something that is not V4L2 is a device error") {
    std::atomic<bool> cancel{false};
    for (const char* path : {"/dev/video-does-not-exist", "/dev/null"}) {
        INFO(path);
        V4l2CameraSource camera(path);
        auto result = camera.scan(200ms, cancel);
        REQUIRE_FALSE(result);
        CHECK(result.error() == QrScanFailure::DeviceError);
    }
}

TEST_CASE("Camera frames: YUYV, padded GREY and MJPEG become luma that decodes") {
    auto qr = renderQrLuma(kCanCuoc2024, 480);
    REQUIRE(qr.width == 480);

    SECTION("YUYV with chroma that must be ignored") {
        const int w = qr.width, h = qr.height, stride = 2 * w + 16;
        std::vector<std::uint8_t> yuyv(static_cast<std::size_t>(stride * h), 0x5A);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                yuyv[static_cast<std::size_t>(y * stride + 2 * x)] =
                    qr.pixels[static_cast<std::size_t>(y * w + x)];
                yuyv[static_cast<std::size_t>(y * stride + 2 * x + 1)] =
                    static_cast<std::uint8_t>(x * 7);
            }
        auto luma = lumaFromYuyv(yuyv, w, h, stride);
        REQUIRE(luma.pixels == qr.pixels);
        auto text = decodeQrLuma(luma.pixels.data(), luma.width, luma.height, luma.width);
        REQUIRE(text);
        CHECK(*text == kCanCuoc2024);
        CHECK(lumaFromYuyv(std::span(yuyv).first(yuyv.size() - 17), w, h, stride).pixels.empty());
    }
    SECTION("GREY with row padding") {
        const int w = qr.width, h = qr.height, stride = w + 32;
        std::vector<std::uint8_t> grey(static_cast<std::size_t>(stride * h), 0xFF);
        for (int y = 0; y < h; ++y)
            std::copy_n(qr.pixels.data() + y * w, w, grey.data() + y * stride);
        CHECK(lumaFromGrey(grey, w, h, stride).pixels == qr.pixels);
        CHECK(lumaFromGrey(grey, w, h, w - 1).pixels.empty());
    }
    SECTION("MJPEG") {
        std::vector<std::uint8_t> jpeg;
        auto sink = [](void* ctx, void* data, int size) {
            auto* out = static_cast<std::vector<std::uint8_t>*>(ctx);
            out->insert(out->end(), static_cast<std::uint8_t*>(data),
                        static_cast<std::uint8_t*>(data) + size);
        };
        REQUIRE(stbi_write_jpg_to_func(sink, &jpeg, qr.width, qr.height, 1, qr.pixels.data(), 90));
        auto luma = lumaFromJpeg(jpeg);
        REQUIRE(luma.width == qr.width);
        auto text = decodeQrLuma(luma.pixels.data(), luma.width, luma.height, luma.width);
        REQUIRE(text);
        CHECK(*text == kCanCuoc2024);
        jpeg.resize(jpeg.size() / 3);  // a frame cut short on the USB bus
        auto cut = lumaFromJpeg(jpeg);
        if (!cut.pixels.empty()) {  // stb may fill the rest grey; it must never crash
            CHECK(cut.width == qr.width);
        }
        CHECK(lumaFromJpeg(std::vector<std::uint8_t>{0xFF, 0xD8, 0x00}).pixels.empty());
    }
}

TEST_CASE("QR device spec: v4l2 and serial, with a baud rate") {
    auto cam = parseQrDeviceSpec("v4l2:/dev/video2");
    REQUIRE(cam);
    CHECK(cam->kind == QrDeviceSpec::Kind::Camera);
    CHECK(cam->path == "/dev/video2");
    auto serial = parseQrDeviceSpec("serial:/dev/ttyUSB0@115200");
    REQUIRE(serial);
    CHECK(serial->kind == QrDeviceSpec::Kind::Serial);
    CHECK(serial->path == "/dev/ttyUSB0");
    CHECK(serial->baud == 115200);
    CHECK(parseQrDeviceSpec("serial:/dev/ttyACM0")->baud == 9600);
    for (const char* bad : {"", "camera0", "v4l2:", "v4l2:video0", "serial:/dev/ttyS0@",
                            "serial:/dev/ttyS0@fast", "serial:/dev/ttyS0@-1"}) {
        INFO(bad);
        CHECK_FALSE(parseQrDeviceSpec(bad));
    }
    DevicesConfig devices;
    devices.qr = DeviceBackend::Real;
    devices.qrDevice = "usb:1234";
    CHECK_FALSE(makeQrSource(devices));
    devices.qr = DeviceBackend::None;
    auto none = makeQrSource(devices);
    REQUIRE(none);
    CHECK(none.value() == nullptr);
}
