// dvc-kioskctl: technician's command line (docs/kioskctl.md).
#include <cstdio>

#include "catalog_command.h"
#include "cli_options.h"
#include "exit_codes.h"
#include "https_portal_client.h"
#include "log/log.h"
#include "card_command.h"
#include "qr_command.h"
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
    if (words.size() == 2 && words[0] == "card" && words[1] == "read") return cardRead(*options);
    if (words.size() == 3 && words[0] == "qr" && words[1] == "decode")
        return qrDecode(words[2], options->json);
    if (words.size() >= 2 && words[0] == "catalog" &&
        ((words[1] == "sync" && words.size() == 2) || (words[1] == "search" && words.size() >= 3))) {
        auto config = effectiveConfig(*options);
        if (!config) {
            std::fprintf(stderr, "dvc-kioskctl: %s\n", config.error().c_str());
            return config.error().starts_with("--") ? kUsage : kFailure;
        }
        const std::filesystem::path db =
            options->dbFile ? std::filesystem::path(*options->dbFile) : config->catalogDb;
        if (words[1] == "sync") {
            HttpsPortalClient portal(config->backend, config->kioskId);
            return catalogSync(portal, db, options->json);
        }
        std::string query = words[2];  // unquoted words are one query
        for (std::size_t i = 3; i < words.size(); ++i) query += " " + words[i];
        return catalogSearch(db, query, options->limit.value_or(10), options->json);
    }
    if (auto printerExit = runPrinterCommand(*options)) return *printerExit;
    std::fprintf(stderr, "dvc-kioskctl: unknown or incomplete command\n%s", usageText());
    return kUsage;
}
