#include "log/log.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace dvc::log {

namespace {
std::mutex gMutex;
std::FILE* gFile = nullptr;
Level gMinimum = Level::Info;

const char* levelName(Level level) {
    switch (level) {
        case Level::Debug: return "DEBUG";
        case Level::Info: return "INFO";
        case Level::Warn: return "WARN";
        case Level::Error: return "ERROR";
    }
    return "?";
}
}  // namespace

void setFile(const std::filesystem::path& path) {
    std::lock_guard lock(gMutex);
    if (gFile) std::fclose(gFile);
    gFile = std::fopen(path.c_str(), "a");
}

void setMinimumLevel(Level level) {
    std::lock_guard lock(gMutex);
    gMinimum = level;
}

void write(Level level, std::string_view component, std::string_view message) {
    std::lock_guard lock(gMutex);
    if (level < gMinimum) return;
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    for (std::FILE* f : {stderr, gFile}) {
        if (!f) continue;
        std::fprintf(f, "%s.%03dZ %-5s [%.*s] %.*s\n", stamp, static_cast<int>(ms.count()),
                     levelName(level), static_cast<int>(component.size()), component.data(),
                     static_cast<int>(message.size()), message.data());
        std::fflush(f);
    }
}

}  // namespace dvc::log
