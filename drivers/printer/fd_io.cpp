#include "fd_io.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace dvc::fdio {

namespace {
using Clock = std::chrono::steady_clock;

int msLeft(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return static_cast<int>(std::max<long long>(left.count(), 0));
}
}  // namespace

TransportError errnoError(const char* what, int err) {
    TransportErrorKind kind = TransportErrorKind::Io;
    switch (err) {
        case ENOENT:
        case ENODEV:
        case ENXIO:
        case ECONNREFUSED:
        case EHOSTUNREACH:
        case ENETUNREACH:
            kind = TransportErrorKind::NotFound;
            break;
        case EACCES:
        case EPERM:
            kind = TransportErrorKind::AccessDenied;
            break;
        case EBUSY:
            kind = TransportErrorKind::Busy;
            break;
        case ETIMEDOUT:
            kind = TransportErrorKind::Timeout;
            break;
        case EPIPE:
        case ECONNRESET:
        case ENOTCONN:
            kind = TransportErrorKind::Disconnected;
            break;
        default:
            break;
    }
    return {kind, std::string(what) + ": " + std::strerror(err)};
}

Result<std::size_t, TransportError> writeAll(int fd, const std::vector<std::uint8_t>& bytes,
                                             std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    std::size_t done = 0;
    while (done < bytes.size()) {
        pollfd p{fd, POLLOUT, 0};
        int r = ::poll(&p, 1, msLeft(deadline));
        if (r < 0) {
            if (errno == EINTR) continue;
            return fail(errnoError("poll", errno));
        }
        if (r == 0)
            return fail(TransportError{TransportErrorKind::Timeout,
                                       "printer accepted " + std::to_string(done) + " of " +
                                           std::to_string(bytes.size()) +
                                           " bytes before the timeout"});
        if (p.revents & (POLLERR | POLLHUP))
            return fail(TransportError{TransportErrorKind::Disconnected,
                                       "connection closed by the printer"});
        auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return fail(errnoError("write", errno));
        }
        done += static_cast<std::size_t>(n);
    }
    return done;
}

Result<std::vector<std::uint8_t>, TransportError> readSome(int fd, std::size_t max,
                                                           std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        int r = ::poll(&p, 1, msLeft(deadline));
        if (r < 0) {
            if (errno == EINTR) continue;
            return fail(errnoError("poll", errno));
        }
        if (r == 0)
            return fail(TransportError{TransportErrorKind::Timeout, "no reply from the printer"});
        std::vector<std::uint8_t> buf(std::max<std::size_t>(max, 1));
        auto n = ::read(fd, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return fail(errnoError("read", errno));
        }
        if (n == 0)
            return fail(TransportError{TransportErrorKind::Disconnected,
                                       "connection closed by the printer"});
        buf.resize(static_cast<std::size_t>(n));
        return buf;
    }
}

}  // namespace dvc::fdio
