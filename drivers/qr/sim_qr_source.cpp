#include "sim_qr_source.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "log/log.h"
#include "qr_codec.h"

namespace dvc {

namespace {

std::optional<std::filesystem::path> oldestFile(const std::filesystem::path& dir) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto name = entry.path().filename().string();
        if (!entry.is_regular_file(ec) || name.starts_with('.') || name.ends_with(".part"))
            continue;
        files.push_back(entry.path());
    }
    if (files.empty()) return std::nullopt;
    return *std::min_element(files.begin(), files.end());
}

Result<std::string, QrScanFailure> readFile(const std::filesystem::path& file) {
    auto ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    if (ext == ".txt") {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        std::string s = text.str();
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
        if (s.empty()) return fail(QrScanFailure::Unreadable);
        return s;
    }
    return decodeQrImageFile(file);
}

}  // namespace

SimQrSource::SimQrSource(std::filesystem::path inboxDir) : inbox_(std::move(inboxDir)) {
    std::error_code ec;
    std::filesystem::create_directories(inbox_, ec);
}

Result<std::string, QrScanFailure> SimQrSource::scan(std::chrono::milliseconds timeout,
                                                     const std::atomic<bool>& cancel) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::error_code ec;
    if (!std::filesystem::is_directory(inbox_, ec)) {
        log::error("qr-sim", "inbox folder missing: " + inbox_.string());
        return fail(QrScanFailure::DeviceError);
    }
    while (!cancel) {
        if (auto file = oldestFile(inbox_)) {
            auto result = readFile(*file);
            std::filesystem::remove(*file, ec);
            return result;
        }
        if (std::chrono::steady_clock::now() >= deadline) return fail(QrScanFailure::NoCode);
        // A camera delivers ~10 frames a second; the simulator looks as often.
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return fail(QrScanFailure::Cancelled);
}

}  // namespace dvc
