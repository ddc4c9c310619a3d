#include "serial_qr_source.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/utf8.h"
#include "log/log.h"

namespace dvc {

namespace {

speed_t speedFor(int baud) {
    switch (baud) {
        case 1200:
            return B1200;
        case 2400:
            return B2400;
        case 4800:
            return B4800;
        case 19200:
            return B19200;
        case 38400:
            return B38400;
        case 57600:
            return B57600;
        case 115200:
            return B115200;
        default:
            return B9600;
    }
}

}  // namespace

SerialQrSource::SerialQrSource(std::filesystem::path device, int baud,
                               ScannedTextAssembler::Timing timing)
    : device_(std::move(device)), baud_(baud), assembler_(timing) {}

SerialQrSource::~SerialQrSource() {
    closeDevice();
}

bool SerialQrSource::ensureOpen() {
    if (fd_ >= 0) return true;
    fd_ = ::open(device_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) {
        log::error("qr-serial", "cannot open " + device_.string() + ": " + std::strerror(errno));
        return false;
    }
    termios tio{};
    if (::tcgetattr(fd_, &tio) != 0) {
        log::error("qr-serial",
                   device_.string() + " is not a serial device: " + std::strerror(errno));
        closeDevice();
        return false;
    }
    ::cfmakeraw(&tio);  // bytes as sent: no echo, no line editing, no CR/LF translation
    tio.c_cflag |= CLOCAL | CREAD;
    ::cfsetispeed(&tio, speedFor(baud_));
    ::cfsetospeed(&tio, speedFor(baud_));
    ::tcsetattr(fd_, TCSANOW, &tio);
    ::tcflush(fd_, TCIFLUSH);  // a code scanned before anyone asked is not this citizen's
    assembler_.clear();
    return true;
}

void SerialQrSource::closeDevice() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

Result<std::string, QrScanFailure> SerialQrSource::scan(std::chrono::milliseconds timeout,
                                                        const std::atomic<bool>& cancel) {
    using Clock = ScannedTextAssembler::Clock;
    if (!ensureOpen()) return fail(QrScanFailure::DeviceError);
    const auto deadline = Clock::now() + timeout;
    auto deliver = [](std::string text) -> Result<std::string, QrScanFailure> {
        if (!isValidUtf8(text)) return fail(QrScanFailure::Unreadable);
        return text;
    };
    while (!cancel) {
        auto now = Clock::now();
        if (auto text = assembler_.poll(now)) return deliver(std::move(*text));
        if (now >= deadline && !assembler_.deadline()) return fail(QrScanFailure::NoCode);
        // Wake for input, for the assembler's pause deadline, or every 100 ms to see `cancel`.
        auto wake = std::min(now + std::chrono::milliseconds(100),
                             assembler_.deadline().value_or(deadline));
        auto waitMs = std::chrono::duration_cast<std::chrono::milliseconds>(wake - now).count();
        pollfd pfd{fd_, POLLIN, 0};
        int ready = ::poll(&pfd, 1, static_cast<int>(std::max<long long>(waitMs, 0) + 1));
        if (ready < 0 && errno != EINTR) break;
        if (ready <= 0) continue;
        char buffer[512];
        ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n > 0) {
            if (auto text = assembler_.feed(std::string_view(buffer, static_cast<std::size_t>(n)),
                                            Clock::now()))
                return deliver(std::move(*text));
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        // EOF or EIO: the scanner was unplugged. Reopen on the next scan.
        log::error("qr-serial", device_.string() + " went away: " +
                                    (n == 0 ? "end of file" : std::strerror(errno)));
        closeDevice();
        return fail(QrScanFailure::DeviceError);
    }
    if (cancel) return fail(QrScanFailure::Cancelled);
    log::error("qr-serial", std::string("poll failed: ") + std::strerror(errno));
    closeDevice();
    return fail(QrScanFailure::DeviceError);
}

}  // namespace dvc
