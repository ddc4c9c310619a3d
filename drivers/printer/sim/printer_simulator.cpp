#include "printer_simulator.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "paper_png.h"

namespace dvc::sim {

namespace {
std::optional<TextRasterizer> loadFont() {
    auto font = TextRasterizer::loadDefault();
    if (!font) return std::nullopt;
    return std::move(font).value();
}
}  // namespace

Result<std::unique_ptr<PrinterSimulator>, std::string> PrinterSimulator::start(
    const std::string& host, std::uint16_t port, SimulatorOptions options) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (::inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1)
        return fail("not a numeric IPv4 address: " + host);
    if ((ntohl(addr.sin_addr.s_addr) >> 24) != 127)
        return fail("the simulator listens on loopback only (127.x.x.x), not " + host);
    std::error_code ec;
    if (!std::filesystem::is_directory(options.outDir, ec))
        return fail("output folder does not exist: " + options.outDir.string());
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return fail(std::string("socket: ") + std::strerror(errno));
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 || ::listen(fd, 4) < 0) {
        std::string err = std::strerror(errno);
        ::close(fd);
        return fail("cannot listen on " + host + ":" + std::to_string(port) + ": " + err);
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    std::unique_ptr<PrinterSimulator> sim(
        new PrinterSimulator(fd, ntohs(addr.sin_port), std::move(options)));
    sim->thread_ = std::thread([s = sim.get()] { s->run(); });
    return sim;
}

PrinterSimulator::PrinterSimulator(int listenFd, std::uint16_t port, SimulatorOptions options)
    : listenFd_(listenFd),
      port_(port),
      options_(std::move(options)),
      printer_(options_.widthDots, loadFont()) {
    printer_.setStatus(options_.status);
}

PrinterSimulator::~PrinterSimulator() {
    stop();
    ::close(listenFd_);
}

void PrinterSimulator::stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

void PrinterSimulator::setStatus(const PrinterStatus& status) {
    std::lock_guard lock(mutex_);
    printer_.setStatus(status);
}

PrinterStatus PrinterSimulator::status() const {
    std::lock_guard lock(mutex_);
    return printer_.status();
}

std::vector<std::filesystem::path> PrinterSimulator::pages() const {
    std::lock_guard lock(mutex_);
    return pages_;
}

std::vector<std::string> PrinterSimulator::diagnostics() const {
    std::lock_guard lock(mutex_);
    return printer_.diagnostics();
}

void PrinterSimulator::savePages(bool includeUncut) {
    auto cut = printer_.takeCutPages();
    if (includeUncut) {
        auto rest = printer_.takeUncutPaper();
        if (rest.height() > 0 && rest.blackDots() > 0) cut.push_back(std::move(rest));
    }
    for (const auto& page : cut) {
        char name[32];
        std::snprintf(name, sizeof name, "ticket-%04zu.png", pages_.size() + 1);
        auto file = options_.outDir / name;
        if (writePaperPng(page, file))
            pages_.push_back(file);
        else
            std::fprintf(stderr, "dvc-printer-sim: cannot write %s\n", file.c_str());
    }
}

void PrinterSimulator::run() {
    while (!stop_) {
        pollfd p{listenFd_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        serve(fd);
        ::close(fd);
    }
}

// One connection at a time, as a printer's port 9100 serves one job at a time.
void PrinterSimulator::serve(int fd) {
    std::vector<std::uint8_t> buf(16384);
    while (!stop_) {
        pollfd p{fd, POLLIN, 0};
        int r = ::poll(&p, 1, 100);
        if (r < 0 && errno != EINTR) break;
        if (r <= 0) continue;
        auto n = ::read(fd, buf.data(), buf.size());
        if (n <= 0) break;
        received_ += static_cast<std::size_t>(n);
        std::vector<std::uint8_t> replies;
        {
            std::lock_guard lock(mutex_);
            replies = printer_.feed(buf.data(), static_cast<std::size_t>(n));
            savePages(false);
        }
        if (!replies.empty() && ::send(fd, replies.data(), replies.size(), MSG_NOSIGNAL) < 0) break;
    }
    std::lock_guard lock(mutex_);
    savePages(true);
}

}  // namespace dvc::sim
