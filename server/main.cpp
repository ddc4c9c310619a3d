// dvc-gateway: the reference HTTPS server of the Kiosk API (docs/api/openapi.yaml).
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "log/log.h"
#include "server/command_line.h"
#include "server/dev_pki.h"
#include "server/form_rules.h"
#include "server/form_seed.h"
#include "server/gateway_server.h"
#include "server/queue_seed.h"
#include "server/seed_loader.h"
#include "server/store.h"

namespace {

namespace fs = std::filesystem;
using namespace dvc::gateway;

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

fs::path seedDirOf(const CommandLine& cl) {
    if (cl.seedDir) return *cl.seedDir;
    if (const char* env = std::getenv("DVC_SEED_DIR"); env && *env) return env;
    return DVC_SOURCE_SEED;
}

int fatal(const std::string& message) {
    dvc::log::error("gateway", message);
    return kExitFailure;
}

int run(const CommandLine& cl, const sigset_t& stopSignals) {
    std::error_code ec;
    if (!fs::is_directory(cl.dataDir, ec)) {
        if (!fs::create_directories(cl.dataDir, ec) && !fs::is_directory(cl.dataDir))
            return fatal("cannot create " + cl.dataDir.string() + ": " + ec.message());
        // The database holds applicants' personal data: the gateway's user only.
        fs::permissions(cl.dataDir, fs::perms::owner_all, ec);
    }

    auto pki = ensureDevPki(cl.dataDir / "tls");
    if (!pki) return fatal(pki.error());
    if (pki->caCreated) dvc::log::info("gateway", "created a development CA");
    if (pki->serverIssued)
        dvc::log::info("gateway", "issued a server certificate (" + pki->reason + ")");

    auto store = GatewayStore::open(cl.dataDir / "gateway.db");
    if (!store) return fatal(store.error());

    fs::path seedDir = seedDirOf(cl);
    auto seeded = seedOnce(*store.value(), seedDir);
    if (!seeded) return fatal("seeding from " + seedDir.string() + " failed: " + seeded.error());
    for (const auto& w : seeded->warnings) dvc::log::warn("seed", w);
    if (seeded->seeded)
        dvc::log::info("seed", "loaded " + std::to_string(seeded->procedures) + " procedures, " +
                                   std::to_string(seeded->dossiers) + " dossiers, " +
                                   std::to_string(seeded->notices) + " maintenance notices from " +
                                   seedDir.string());
    else
        dvc::log::info("seed", "database already seeded; seed files not read");

    auto forms = seedForms(*store.value(), seedDir);
    if (!forms) return fatal("form schemas in " + seedDir.string() + ": " + forms.error());
    dvc::log::info("seed", std::to_string(forms->read) + " form schemas checked, " +
                               std::to_string(forms->written) + " stored");
    // The dossier endpoint judges forms with these; without them it could not explain a
    // refusal, so the gateway does not start.
    const auto& assets = formAssets();
    if (!assets) return fatal("form rules: " + assets.error());
    if (!assets->adminUnits)
        dvc::log::warn("gateway", "no data/admin_units.json in " + defaultAssetsDir().string() +
                                      ": addresses are checked by province code only");
    auto queue = seedQueueOnce(*store.value(), seedDir);
    if (!queue) return fatal("queue seed: " + queue.error());
    if (*queue > 0) dvc::log::info("seed", "loaded " + std::to_string(*queue) + " queue services");

    GatewayServer server(*store.value());
    GatewayOptions options;
    options.host = cl.host;
    options.port = cl.port;
    options.certificate = pki->files.serverCert;
    options.privateKey = pki->files.serverKey;
    auto port = server.start(options);
    if (!port) return fatal(port.error());

    std::string host = cl.host.find(':') != std::string::npos ? "[" + cl.host + "]" : cl.host;
    std::cout << "dvc-gateway listening on https://" << host << ":" << *port << "\n"
              << "CA certificate: " << fs::absolute(pki->files.caCert).lexically_normal().string()
              << "\n"
              << std::flush;

    // SIGTERM and SIGINT are blocked in every thread; this one takes them synchronously, so
    // no signal handler (and nothing async-signal-unsafe) is involved in stopping.
    int sig = 0;
    while (sigwait(&stopSignals, &sig) != 0) {
    }
    dvc::log::info("gateway", std::string("stopping on ") + (sig == SIGINT ? "SIGINT" : "SIGTERM"));
    server.stop();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Block the stop signals before any thread exists so that all threads inherit the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    signal(SIGPIPE, SIG_IGN);  // a kiosk that hangs up mid-response must not kill the gateway

    std::vector<std::string> args(argv + 1, argv + argc);
    auto cl = parseCommandLine(args);
    if (!cl) {
        std::cerr << "dvc-gateway: " << cl.error() << "\n" << usageText("dvc-gateway");
        return kExitUsage;
    }
    if (cl->help) {
        std::cout << usageText("dvc-gateway");
        return 0;
    }
    try {
        return run(*cl, stopSignals);
    } catch (const std::exception& e) {
        return fatal(std::string("unexpected error: ") + e.what());
    }
}
