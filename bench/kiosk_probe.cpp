#include "kiosk_probe.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace dvc::bench {

namespace {

struct Child {
    pid_t pid = -1;
    int out = -1;
};

Child spawnKiosk(const std::string& bin, const std::filesystem::path& config, bool exitAfterFrame) {
    int fds[2];
    if (::pipe(fds) != 0) return {};
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        std::string cfg = config.string();
        std::vector<const char*> args{bin.c_str(), "--config", cfg.c_str(), "--windowed"};
        if (exitAfterFrame) args.push_back("--exit-after-first-frame");
        args.push_back(nullptr);
        ::execv(bin.c_str(), const_cast<char**>(args.data()));
        ::_exit(127);
    }
    ::close(fds[1]);
    return {pid, fds[0]};
}

bool waitForLine(int fd, const std::string& prefix) {
    std::string line;
    char c;
    while (::read(fd, &c, 1) == 1) {
        if (c != '\n') {
            line += c;
            continue;
        }
        if (line.rfind(prefix, 0) == 0) return true;
        line.clear();
    }
    return false;
}

long cpuTicks(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string all((std::istreambuf_iterator<char>(stat)), {});
    auto close = all.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(all.substr(close + 2));
    std::string field;
    long utime = 0, stime = 0;
    // Fields after "(comm)": state is #3; utime #14 and stime #15 (1-based in proc(5)).
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stol(field);
        if (i == 15) stime = std::stol(field);
    }
    return utime + stime;
}

void reap(Child& c, bool kill) {
    if (c.pid <= 0) return;
    if (kill) ::kill(c.pid, SIGTERM);
    int status;
    ::waitpid(c.pid, &status, 0);
    ::close(c.out);
}

}  // namespace

std::optional<double> coldStartMs(const std::string& kioskBin, const std::filesystem::path& config) {
    auto start = std::chrono::steady_clock::now();
    Child c = spawnKiosk(kioskBin, config, true);
    if (c.pid <= 0) return std::nullopt;
    bool ok = waitForLine(c.out, "first-frame");
    auto elapsed = std::chrono::steady_clock::now() - start;
    reap(c, !ok);
    if (!ok) return std::nullopt;
    return std::chrono::duration<double, std::milli>(elapsed).count();
}

std::optional<double> idleCpuPercent(const std::string& kioskBin,
                                     const std::filesystem::path& config, int seconds) {
    Child c = spawnKiosk(kioskBin, config, false);
    if (c.pid <= 0) return std::nullopt;
    if (!waitForLine(c.out, "dvc-kiosk ready")) {
        reap(c, true);
        return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::seconds(2));  // let the first heartbeat settle
    long before = cpuTicks(c.pid);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    long after = cpuTicks(c.pid);
    reap(c, true);
    if (before < 0 || after < 0) return std::nullopt;
    double ticksPerSecond = static_cast<double>(::sysconf(_SC_CLK_TCK));
    return 100.0 * static_cast<double>(after - before) / (ticksPerSecond * seconds);
}

}  // namespace dvc::bench
