#include "vpcd_bridge.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "log/log.h"

namespace dvc::card {

namespace {

enum Control : std::uint8_t { PowerOff = 0, PowerOn = 1, Reset = 2, SendAtr = 4 };

// vpcd (3.3) writes the length and the payload with two send() calls on a socket with Nagle's
// algorithm on: its payload waits until our ACK of the length arrives, and Linux delays ACKs by
// up to 40 ms. Asking for a quick ACK before each read cuts every exchange by those 40 ms.
void ackPromptly(int fd) {
    int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
}

bool readExact(int fd, std::uint8_t* out, std::size_t size) {
    while (size > 0) {
        ackPromptly(fd);  // the kernel clears quick-ACK mode by itself: set it every time
        ssize_t n = ::recv(fd, out, size, 0);
        if (n == 0) return false;  // vpcd closed the connection (pcscd stopped)
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;  // remove() shut the socket down
        }
        out += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool sendFrame(int fd, emrtd::ByteView payload) {
    emrtd::Bytes frame;
    frame.reserve(payload.size() + 2);
    frame.push_back(static_cast<std::uint8_t>(payload.size() >> 8));
    frame.push_back(static_cast<std::uint8_t>(payload.size() & 0xFF));
    frame.insert(frame.end(), payload.begin(), payload.end());
    std::size_t sent = 0;
    while (sent < frame.size()) {
        ssize_t n = ::send(fd, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

Result<int, VpcdError> connectTo(const std::string& host, std::uint16_t port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    if (int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
        return fail(VpcdError{"vpcd address " + host + ": " + ::gai_strerror(rc)});
    std::string lastError = "no address";
    int fd = -1;
    for (addrinfo* a = found; a; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
        lastError = std::strerror(errno);
        ::close(fd);
        fd = -1;
    }
    ::freeaddrinfo(found);
    if (fd < 0)
        return fail(VpcdError{"cannot reach vpcd at " + host + ":" + service + ": " + lastError});
    int on = 1;  // frames are small and strictly request/answer: do not let Nagle hold them
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

}  // namespace

VpcdBridge::VpcdBridge(ApduResponder& card, std::string host, std::uint16_t port)
    : card_(card), host_(std::move(host)), port_(port) {}

VpcdBridge::~VpcdBridge() {
    remove();
}

bool VpcdBridge::inserted() const {
    return connected_.load();
}

Result<std::monostate, VpcdError> VpcdBridge::insert() {
    std::lock_guard lock(mutex_);
    if (socket_ >= 0) {
        if (connected_.load()) return std::monostate{};
        // vpcd dropped us (pcscd stopped): tidy up before connecting again.
        if (thread_.joinable()) thread_.join();
        ::close(socket_);
        socket_ = -1;
    }
    auto fd = connectTo(host_, port_);
    if (!fd) return fail(fd.error());
    socket_ = fd.value();
    connected_ = true;
    thread_ = std::thread([this, s = socket_] { serve(s); });
    return std::monostate{};
}

void VpcdBridge::remove() {
    std::lock_guard lock(mutex_);
    if (socket_ < 0) return;
    ::shutdown(socket_, SHUT_RDWR);  // wakes the thread's recv()
    if (thread_.joinable()) thread_.join();
    ::close(socket_);
    socket_ = -1;
}

void VpcdBridge::serve(int socket) {
    emrtd::Bytes message;
    for (bool open = true; open;) {
        std::uint8_t header[2];
        if (!readExact(socket, header, 2)) break;
        message.resize(static_cast<std::size_t>(header[0]) << 8 | header[1]);
        if (!readExact(socket, message.data(), message.size())) break;
        if (message.empty()) continue;
        if (message.size() == 1) {
            open = control(socket, message[0]);
            continue;
        }
        emrtd::Bytes answer = card_.respond(message);
        if (answer.size() > 0xFFFF) {  // vpcd's length field cannot carry it
            log::warn("vpcd",
                      "R-APDU of " + std::to_string(answer.size()) + " bytes replaced by 6F00");
            answer = {0x6F, 0x00};
        }
        ++apdusServed_;
        open = sendFrame(socket, answer);
    }
    connected_ = false;
    card_.powerOff();  // out of the field: no power, no session
}

bool VpcdBridge::control(int socket, std::uint8_t code) {
    switch (code) {
        case PowerOff:
            card_.powerOff();
            return true;
        case PowerOn:
        case Reset:  // a reset is a new power-on for the card: its session is gone
            card_.powerOn();
            return true;
        case SendAtr:
            return sendFrame(socket, card_.atr());
        default:
            log::warn("vpcd", "unknown control code " + std::to_string(code));
            return true;
    }
}

}  // namespace dvc::card
