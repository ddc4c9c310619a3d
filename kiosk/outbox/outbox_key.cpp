#include "outbox/outbox_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dvc {

namespace {

std::string errnoText(const std::string& what, const std::filesystem::path& file) {
    return what + " " + file.string() + ": " + std::strerror(errno);
}

bool writeAll(int fd, const unsigned char* data, std::size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

void fsyncDirectory(const std::filesystem::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

bool ensureSodium() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

OutboxKey::~OutboxKey() {
    sodium_memzero(bytes_.data(), bytes_.size());
}

Result<OutboxKey, std::string> OutboxKey::loadOrCreate(const std::filesystem::path& file) {
    if (!ensureSodium()) return fail(std::string("libsodium cannot be initialised"));
    OutboxKey key;
    for (int round = 0; round < 2; ++round) {
        int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd >= 0) {
            struct stat st {};
            if (::fstat(fd, &st) != 0) {
                ::close(fd);
                return fail(errnoText("cannot stat", file));
            }
            if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0 || st.st_uid != ::geteuid()) {
                ::close(fd);
                return fail("refusing " + file.string() +
                            ": the outbox key must belong to this user with mode 0600");
            }
            ssize_t n = ::read(fd, key.bytes_.data(), key.bytes_.size());
            unsigned char extra = 0;
            bool longer = ::read(fd, &extra, 1) > 0;
            ::close(fd);
            if (n != static_cast<ssize_t>(kBytes) || longer)
                return fail("refusing " + file.string() + ": not a 32-byte outbox key");
            return key;
        }
        if (errno != ENOENT) return fail(errnoText("cannot open", file));

        // Write a temporary file, fsync it, then link it into place: link() fails if another
        // process created the key meanwhile, and then that key is read (second round).
        randombytes_buf(key.bytes_.data(), key.bytes_.size());
        auto temp = file;
        temp += ".tmp" + std::to_string(::getpid());
        int out = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (out < 0) return fail(errnoText("cannot create", temp));
        bool written = writeAll(out, key.bytes_.data(), key.bytes_.size()) && ::fsync(out) == 0;
        ::close(out);
        if (!written) {
            ::unlink(temp.c_str());
            return fail(errnoText("cannot write", temp));
        }
        int linked = ::link(temp.c_str(), file.c_str());
        int linkErrno = errno;
        ::unlink(temp.c_str());
        if (linked == 0) {
            fsyncDirectory(file.parent_path().empty() ? "." : file.parent_path());
            return key;
        }
        if (linkErrno != EEXIST) {
            errno = linkErrno;
            return fail(errnoText("cannot create", file));
        }
    }
    return fail("cannot read or create " + file.string());
}

}  // namespace dvc
