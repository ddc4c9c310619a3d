#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace dvc::bench {

// Milliseconds from fork() to the kiosk's "first-frame" line (--exit-after-first-frame).
std::optional<double> coldStartMs(const std::string& kioskBin, const std::filesystem::path& config);

// CPU used by an idle kiosk (no input) over `seconds`, in % of one core.
std::optional<double> idleCpuPercent(const std::string& kioskBin,
                                     const std::filesystem::path& config, int seconds);

}  // namespace dvc::bench
