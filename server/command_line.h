#pragma once
// dvc-gateway --listen HOST:PORT --data DIR [--seed DIR]   (a fixed contract: scripts and the
// integration tests depend on it)
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace dvc::gateway {

struct CommandLine {
    std::string host;
    int port = 0;  // 0: ephemeral
    std::filesystem::path dataDir;
    std::optional<std::filesystem::path> seedDir;
    bool help = false;
};

// args excludes the program name. Accepts "--opt value" and "--opt=value".
Result<CommandLine, std::string> parseCommandLine(const std::vector<std::string>& args);

std::string usageText(std::string_view program);

}  // namespace dvc::gateway
