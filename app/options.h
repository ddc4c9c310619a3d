#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "common/result.h"

namespace dvc::app {

struct Options {
    std::optional<std::filesystem::path> config;
    bool windowed = false;
    std::optional<bool> portrait;  // unset: the config's display.orientation
    float scale = 1.0f;
    std::optional<std::filesystem::path> script;
    std::optional<std::filesystem::path> screenshotDir;
    bool exitAfterFirstFrame = false;
    bool help = false;
};

// Parses the command line; the error names the offending argument.
Result<Options, std::string> parseOptions(int argc, const char* const* argv);
const char* usageText();

}  // namespace dvc::app
