#include "kiosk_probe.h"

#include "gateway_process.h"

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

using test::Child;

Child spawnKiosk(const std::string& bin, const std::filesystem::path& config, bool exitAfterFrame) {
    std::vector<std::string> args{bin, "--config", config.string(), "--windowed"};
    if (exitAfterFrame) args.push_back("--exit-after-first-frame");
    return test::spawnWithStdout(args);
}

bool waitForLine(int fd, const std::string& prefix) {
    return test::readLineStartingWith(fd, prefix).has_value();
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

}  // namespace

std::optional<double> coldStartMs(const std::string& kioskBin, const std::filesystem::path& config) {
    auto start = std::chrono::steady_clock::now();
    Child c = spawnKiosk(kioskBin, config, true);
    if (c.pid <= 0) return std::nullopt;
    bool ok = waitForLine(c.out, "first-frame");
    auto elapsed = std::chrono::steady_clock::now() - start;
    test::reap(c, !ok);
    if (!ok) return std::nullopt;
    return std::chrono::duration<double, std::milli>(elapsed).count();
}

std::optional<double> idleCpuPercent(const std::string& kioskBin,
                                     const std::filesystem::path& config, int seconds) {
    Child c = spawnKiosk(kioskBin, config, false);
    if (c.pid <= 0) return std::nullopt;
    if (!waitForLine(c.out, "dvc-kiosk ready")) {
        test::reap(c, true);
        return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::seconds(2));  // let the first heartbeat settle
    long before = cpuTicks(c.pid);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    long after = cpuTicks(c.pid);
    test::reap(c, true);
    if (before < 0 || after < 0) return std::nullopt;
    double ticksPerSecond = static_cast<double>(::sysconf(_SC_CLK_TCK));
    return 100.0 * static_cast<double>(after - before) / (ticksPerSecond * seconds);
}

}  // namespace dvc::bench
