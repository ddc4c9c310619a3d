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
    std::optional<std::string> dbFile;  // --db: the catalogue cache (else [paths] catalog_db)
    std::optional<int> limit;           // --limit: catalog search results
    // card read
    std::optional<std::string> reader;  // --reader NAME: part of the PC/SC reader's name
    std::optional<std::string> mrz;     // --mrz DOCNO,YYMMDD,YYMMDD (BAC)
    std::optional<std::string> can;     // --can NNNNNN (PACE)
    std::optional<std::string> csca;    // --csca FILE|DIR: trust store for passive authentication
    bool extended = false;              // --extended: extended-length APDUs
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
