#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "config/config.h"

namespace dvc::kioskctl {

struct CliOptions {
    std::optional<std::string> configFile;
    std::optional<std::string> gatewayUrl;
    std::optional<std::string> caFile;
    std::optional<std::string> device;   // printer: usb:VID:PID | tcp:HOST:PORT | file:PATH
    std::optional<std::string> width;    // printer paper width in dots: 384 | 576
    std::optional<std::string> service;  // queue ticket: service id
    bool json = false;
    bool help = false;
    std::vector<std::string> words;  // the command and its arguments
};

Result<CliOptions, std::string> parseCli(int argc, char** argv);

// The config file (explicit, else /etc/dvc-kiosk/kiosk.toml if present, else defaults) with
// --gateway and --ca applied on top.
Result<KioskConfig, std::string> effectiveConfig(const CliOptions& options);

const char* usageText();

}  // namespace dvc::kioskctl
