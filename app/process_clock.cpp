#include "process_clock.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <time.h>
#include <unistd.h>

namespace dvc::app {

namespace {
const auto gStaticInit = std::chrono::steady_clock::now();
}

long long millisSinceProcessStart() {
    std::ifstream in("/proc/self/stat");
    std::string stat;
    std::getline(in, stat);
    // Field 22 (starttime, clock ticks since boot); fields after the ")" of the command name.
    auto close = stat.rfind(')');
    long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec boot{};
    if (close != std::string::npos && ticksPerSecond > 0 && clock_gettime(CLOCK_BOOTTIME, &boot) == 0) {
        std::istringstream fields(stat.substr(close + 2));
        std::string field;
        for (int n = 3; n <= 22 && fields >> field; ++n) {
            if (n != 22) continue;
            long long startTicks = std::stoll(field);
            long long nowMs = static_cast<long long>(boot.tv_sec) * 1000 + boot.tv_nsec / 1000000;
            long long startMs = startTicks * 1000 / ticksPerSecond;
            if (nowMs >= startMs) return nowMs - startMs;
        }
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 gStaticInit)
        .count();
}

}  // namespace dvc::app
