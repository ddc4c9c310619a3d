#include "file_transport.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "fd_io.h"

namespace dvc {

Result<std::unique_ptr<FileTransport>, TransportError> FileTransport::open(
    const std::string& path) {
    struct stat st {};
    bool exists = ::stat(path.c_str(), &st) == 0;
    bool device = exists && S_ISCHR(st.st_mode);
    int fd = -1;
    if (device) fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    bool readable = fd >= 0;
    if (fd < 0)
        fd = ::open(path.c_str(),
                    O_WRONLY | O_NOCTTY | O_CLOEXEC | (device ? O_NONBLOCK : O_CREAT | O_APPEND),
                    0644);
    if (fd < 0) return fail(fdio::errnoError(("open " + path).c_str(), errno));
    return std::unique_ptr<FileTransport>(new FileTransport(fd, path, readable));
}

FileTransport::~FileTransport() {
    ::close(fd_);
}

Result<std::size_t, TransportError> FileTransport::write(const std::vector<std::uint8_t>& bytes,
                                                         std::chrono::milliseconds timeout) {
    return fdio::writeAll(fd_, bytes, timeout);
}

Result<std::vector<std::uint8_t>, TransportError> FileTransport::read(
    std::size_t max, std::chrono::milliseconds timeout) {
    if (!readable_)
        return fail(TransportError{TransportErrorKind::Io,
                                   "file:" + path_ + " cannot carry status replies"});
    return fdio::readSome(fd_, max, timeout);
}

}  // namespace dvc
