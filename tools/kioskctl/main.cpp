// dvc-kioskctl: technician's command line (docs/kioskctl.md).
#include <cstdio>

#include "cli_options.h"
#include "exit_codes.h"
#include "https_portal_client.h"
#include "log/log.h"
#include "printer_commands.h"
#include "status_command.h"

using namespace dvc;
using namespace dvc::kioskctl;

int main(int argc, char** argv) {
    auto options = parseCli(argc, argv);
    if (!options) {
        std::fprintf(stderr, "dvc-kioskctl: %s\n%s", options.error().c_str(), usageText());
        return kUsage;
    }
    if (options->help) {
        std::fputs(usageText(), stdout);
        return kOk;
    }
    log::setMinimumLevel(log::Level::Error);  // stdout is the command's answer, keep it clean
    const auto& words = options->words;
    if (words.size() == 3 && words[0] == "status" && words[1] == "lookup") {
        auto config = effectiveConfig(*options);
        if (!config) {
            std::fprintf(stderr, "dvc-kioskctl: %s\n", config.error().c_str());
            return config.error().starts_with("--") ? kUsage : kFailure;
        }
        HttpsPortalClient portal(config->backend, config->kioskId);
        return statusLookup(portal, words[2], options->json);
    }
    if (auto printerExit = runPrinterCommand(*options)) return *printerExit;
    std::fprintf(stderr, "dvc-kioskctl: unknown or incomplete command\n%s", usageText());
    return kUsage;
}
