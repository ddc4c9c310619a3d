#include "pcscd_process.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace dvc::test {

namespace {

namespace fs = std::filesystem;
constexpr const char* kSystemSocketDir = "/run/pcscd";

// libpcsclite reads PCSCLITE_CSOCK_NAME once per process, so every private pcscd of this
// process uses the same socket folder.
fs::path socketDir() {
    return fs::temp_directory_path() / ("dvc-pcscd-" + std::to_string(::getpid()));
}

enum class Isolation { MountNamespace, SystemSocket };

bool canUnshareMounts() {
    pid_t pid = ::fork();
    if (pid == 0) ::_exit(::unshare(CLONE_NEWNS) == 0 ? 0 : 1);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

Isolation isolation() {
    static const Isolation chosen = [] {
        if (canUnshareMounts()) return Isolation::MountNamespace;
        if (fs::exists(fs::path(kSystemSocketDir) / "pcscd.comm"))
            throw std::runtime_error(
                "cannot run a private pcscd: no mount namespace (needs root) and a system pcscd "
                "owns /run/pcscd/pcscd.comm");
        return Isolation::SystemSocket;
    }();
    return chosen;
}

bool bindable(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);  // vpcd binds all interfaces
    addr.sin_port = htons(port);
    bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// A port p with p and p + 1 free (vpcd listens on one port per slot, two slots).
std::uint16_t freePortPair() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_ANY);
        socklen_t len = sizeof addr;
        ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        ::close(fd);
        const std::uint16_t port = ntohs(addr.sin_port);
        if (port < 65535 && bindable(port) && bindable(static_cast<std::uint16_t>(port + 1)))
            return port;
    }
    throw std::runtime_error("no free TCP port pair for vpcd");
}

bool acceptsClients(const fs::path& socketPath) {
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, socketPath.c_str(), sizeof addr.sun_path - 1);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// In the child, before exec: only system calls, and a message in the log on failure.
[[noreturn]] void childFail(const char* what) {
    const char* reason = std::strerror(errno);
    ssize_t ignored = ::write(STDOUT_FILENO, what, std::strlen(what));
    ignored = ::write(STDOUT_FILENO, ": ", 2);
    ignored = ::write(STDOUT_FILENO, reason, std::strlen(reason));
    (void)ignored;
    ::_exit(126);
}

void privateSocketMount(const char* privateDir) {
    if (::unshare(CLONE_NEWNS) != 0) childFail("unshare(CLONE_NEWNS)");
    // Nothing mounted here may leak back to the host's mount table.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        childFail("mount --make-rprivate /");
    struct stat st {};
    if (::stat(kSystemSocketDir, &st) != 0) {
        // No /run/pcscd on the host: cover /run with an empty tmpfs rather than creating it.
        if (::mount("tmpfs", "/run", "tmpfs", 0, "mode=0755") != 0) childFail("mount tmpfs /run");
        if (::mkdir(kSystemSocketDir, 0755) != 0) childFail("mkdir /run/pcscd");
    }
    if (::mount(privateDir, kSystemSocketDir, nullptr, MS_BIND, nullptr) != 0)
        childFail("mount --bind private dir /run/pcscd");
}

}  // namespace

std::optional<std::string> PcscdProcess::notInstalled() {
    if (::access(kPcscdBinary, X_OK) != 0)
        return std::string(kPcscdBinary) + " is not installed (Debian package pcscd)";
    if (::access(kVpcdDriver, R_OK) != 0)
        return std::string(kVpcdDriver) + " is not installed (Debian package vsmartcard-vpcd)";
    return std::nullopt;
}

PcscdProcess::PcscdProcess() {
    static std::atomic<int> counter{0};
    if (auto missing = notInstalled()) throw std::runtime_error(*missing);
    const Isolation mode = isolation();
    const fs::path sockets =
        mode == Isolation::MountNamespace ? socketDir() : fs::path(kSystemSocketDir);
    if (mode == Isolation::MountNamespace) fs::create_directories(sockets);
    ::setenv("PCSCLITE_CSOCK_NAME", (sockets / "pcscd.comm").c_str(), 1);

    workDir_ = fs::temp_directory_path() /
               ("dvc-pcscd-conf-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(workDir_);
    fs::create_directories(workDir_ / "reader.conf.d");
    port_ = freePortPair();
    std::ofstream(workDir_ / "reader.conf.d" / "vpcd") << "FRIENDLYNAME \"Virtual PCD\"\n"
                                                       << "DEVICENAME   /dev/null:" << port_ << "\n"
                                                       << "LIBPATH      " << kVpcdDriver << "\n"
                                                       << "CHANNELID    " << port_ << "\n";

    const std::string logPath = (workDir_ / "pcscd.log").string();
    const std::string confDir = (workDir_ / "reader.conf.d").string();
    const std::string privateDir = sockets.string();
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        int logFd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (logFd >= 0) {
            ::dup2(logFd, STDOUT_FILENO);
            ::dup2(logFd, STDERR_FILENO);
        }
        if (mode == Isolation::MountNamespace) privateSocketMount(privateDir.c_str());
        const char* argv[] = {kPcscdBinary, "--foreground", "--config", confDir.c_str(), nullptr};
        ::execv(kPcscdBinary, const_cast<char* const*>(argv));
        childFail("exec pcscd");
    }

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!acceptsClients(sockets / "pcscd.comm")) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("pcscd exited at start: " + log());
        }
        if (std::chrono::steady_clock::now() > deadline) {
            stop();
            throw std::runtime_error("pcscd did not open its socket within 10 s: " + log());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

int PcscdProcess::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string PcscdProcess::log() const {
    std::ifstream in(workDir_ / "pcscd.log");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

PcscdProcess::~PcscdProcess() {
    stop();
    std::error_code ec;
    fs::remove_all(workDir_, ec);
    if (isolation() == Isolation::MountNamespace) {
        fs::remove_all(socketDir(), ec);  // made again, same path, by the next instance
    }
}

}  // namespace dvc::test
