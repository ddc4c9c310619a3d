#include "tcp_transport.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "fd_io.h"

namespace dvc {

Result<std::unique_ptr<TcpTransport>, TransportError> TcpTransport::connect(
    const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    auto service = std::to_string(port);
    if (int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
        return fail(TransportError{TransportErrorKind::NotFound,
                                   "cannot resolve " + host + ": " + ::gai_strerror(rc)});
    std::unique_ptr<addrinfo, void (*)(addrinfo*)> list(found, ::freeaddrinfo);
    TransportError last{TransportErrorKind::NotFound, "no address for " + host};
    for (auto* ai = found; ai; ai = ai->ai_next) {
        int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                          ai->ai_protocol);
        if (fd < 0) {
            last = fdio::errnoError("socket", errno);
            continue;
        }
        int rc = ::connect(fd, ai->ai_addr, ai->ai_addrlen);
        if (rc < 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            rc = ::poll(&p, 1, static_cast<int>(timeout.count()));
            if (rc == 0) {
                ::close(fd);
                last = {TransportErrorKind::Timeout, "no answer from " + host + ":" + service};
                continue;
            }
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
            rc = err == 0 ? 0 : -1;
            errno = err;
        }
        if (rc < 0) {
            last = fdio::errnoError(("connect " + host + ":" + service).c_str(), errno);
            ::close(fd);
            continue;
        }
        int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
        return std::unique_ptr<TcpTransport>(new TcpTransport(fd, "tcp:" + host + ":" + service));
    }
    return fail(last);
}

TcpTransport::~TcpTransport() {
    ::close(fd_);
}

Result<std::size_t, TransportError> TcpTransport::write(const std::vector<std::uint8_t>& bytes,
                                                        std::chrono::milliseconds timeout) {
    return fdio::writeAll(fd_, bytes, timeout);
}

Result<std::vector<std::uint8_t>, TransportError> TcpTransport::read(
    std::size_t max, std::chrono::milliseconds timeout) {
    return fdio::readSome(fd_, max, timeout);
}

}  // namespace dvc
