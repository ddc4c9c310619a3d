// dvc-bench: cold start to first frame, idle CPU, status lookup round trip over HTTPS, QR
// decoding, and the APDU round trip through pcscd (pcsc_bench.cpp).
// Every figure on its own line as `name: value unit` (figures a script can grep).
// Usage: dvc-bench [--lookups N] [--idle-seconds S] [--skip-ui] [--submits N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "bench_stats.h"
#include "catalog_bench.h"
#include "gateway_process.h"
#include "https_portal_client.h"
#include "kiosk_probe.h"
#include "qr_bench.h"
#include "pcsc_bench.h"
#include "outbox_bench.h"
#include "printer_bench.h"

using namespace dvc;
using dvc::bench::percentile;

namespace {

std::filesystem::path writeKioskConfig(const test::GatewayProcess& gw) {
    auto dir = test::freshTempDir("bench-kiosk");
    std::ofstream(dir / "kiosk.toml")
        << "[kiosk]\nid = \"KIOSK-BENCH\"\n[backend]\nurl = \"" << gw.url() << "\"\nca_file = \""
        << gw.caFile().string() << "\"\n[devices]\nqr_sim_inbox = \"qr\"\n"
        << "[display]\nfullscreen = false\n";
    return dir / "kiosk.toml";
}

}  // namespace

int main(int argc, char** argv) {
    int lookups = 200, idleSeconds = 10, submits = 100;
    bool skipUi = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--lookups" && i + 1 < argc) lookups = std::atoi(argv[++i]);
        else if (a == "--idle-seconds" && i + 1 < argc) idleSeconds = std::atoi(argv[++i]);
        else if (a == "--skip-ui") skipUi = true;
        else if (a == "--submits" && i + 1 < argc) submits = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: dvc-bench [--lookups N] [--idle-seconds S] [--skip-ui] "
                                 "[--submits N]\n");
            return 2;
        }
    }
    if (lookups < 1 || idleSeconds < 1 || submits < 1) return 2;
    ::setenv("SDL_VIDEODRIVER", std::getenv("DISPLAY") ? "x11" : "offscreen", 0);

    test::GatewayProcess gw("bench");
    auto config = writeKioskConfig(gw);
#ifdef DVC_KIOSK_BIN
    if (!skipUi) {
        std::vector<double> starts;
        for (int i = 0; i < 5; ++i)
            if (auto ms = bench::coldStartMs(DVC_KIOSK_BIN, config)) starts.push_back(*ms);
        if (starts.empty())
            std::fprintf(stderr, "cold start: the kiosk did not draw a frame\n");
        else
            std::printf("cold_start_first_frame: %.0f ms\n", percentile(starts, 0.5));
        if (auto cpu = bench::idleCpuPercent(DVC_KIOSK_BIN, config, idleSeconds))
            std::printf("idle_cpu: %.2f %%\n", *cpu);
        else
            std::fprintf(stderr, "idle cpu: the kiosk did not start\n");
    }
#else
    (void)skipUi;
#endif

    BackendConfig backend;
    backend.url = gw.url();
    backend.caFile = gw.caFile();
    HttpsPortalClient client(backend, "KIOSK-BENCH");
    const std::string code = "000.00.19.H42-261123-0001";
    auto first = std::chrono::steady_clock::now();
    if (!client.dossierStatus(code)) {
        std::fprintf(stderr, "status lookup failed against the bench gateway\n");
        return 1;
    }
    std::printf("status_lookup_first: %.2f ms\n",
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - first)
                    .count());
    std::vector<double> times;
    for (int i = 0; i < lookups; ++i) {
        auto t = std::chrono::steady_clock::now();
        if (!client.dossierStatus(code)) return 1;
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t)
                .count());
    }
    std::printf("status_lookup_median: %.2f ms\n", percentile(times, 0.5));
    std::printf("status_lookup_p95: %.2f ms\n", percentile(times, 0.95));
    std::printf("status_lookup_samples: %d count\n", lookups);

    if (!bench::runQrDecodeBench(50)) return 1;
    bench::printPcscRoundtrip(200);
    if (!bench::catalogFigures(gw)) {
        std::fprintf(stderr, "catalog figures failed\n");
        return 1;
    }
    bench::runOutboxBench(gw, submits);
    if (!bench::printTicketFigures(client, 30)) return 1;
    return bench::printKioskTicketFigures(client, 30) ? 0 : 1;
}
