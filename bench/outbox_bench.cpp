#include "outbox_bench.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "https_portal_client.h"
#include "sample_submission.h"  // tests/outbox: the same valid submission the tests send
#include "outbox/outbox_store.h"

namespace dvc::bench {

namespace {

double percentileOf(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

double msSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// The outbox tests' valid birth registration (the gateway judges forms by their schema).
DossierSubmission benchSubmission(int n) { return test::sampleSubmission(n, "KIOSK-BENCH"); }

}  // namespace

void runOutboxBench(const test::GatewayProcess& gateway, int samples) {
    auto dir =
        std::filesystem::current_path() / (".dvc-bench-outbox-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        auto key = OutboxKey::loadOrCreate(dir / "outbox.key");
        auto store = key ? OutboxStore::open(dir / "outbox.db", key.value())
                         : Result<std::unique_ptr<OutboxStore>, std::string>(fail(key.error()));
        if (!store) {
            std::fprintf(stderr, "outbox bench: %s\n", store.error().c_str());
        } else {
            std::vector<double> times;
            for (int i = 0; i < samples; ++i) {
                auto sub = benchSubmission(i);
                auto t = std::chrono::steady_clock::now();
                if (!store.value()->enqueue(sub, OutboxClock::now())) break;
                times.push_back(msSince(t));
            }
            if (!times.empty()) {
                std::printf("outbox_durable_enqueue_median: %.2f ms\n", percentileOf(times, 0.5));
                std::printf("outbox_durable_enqueue_p95: %.2f ms\n", percentileOf(times, 0.95));
            }
        }
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);

    BackendConfig backend;
    backend.url = gateway.url();
    backend.caFile = gateway.caFile();
    HttpsPortalClient client(backend, "KIOSK-BENCH");
    std::vector<double> times;
    for (int i = 0; i < samples; ++i) {
        auto sub = benchSubmission(i);
        sub.submittedAt = isoVietnamTime(OutboxClock::now());
        auto key = newIdempotencyKey();
        auto t = std::chrono::steady_clock::now();
        auto receipt = client.submitDossier(sub, key);
        if (!receipt) {
            std::fprintf(stderr, "submit failed: %s\n", receipt.error().detail.c_str());
            return;
        }
        times.push_back(msSince(t));
    }
    std::printf("submit_roundtrip_median: %.2f ms\n", percentileOf(times, 0.5));
    std::printf("submit_roundtrip_p95: %.2f ms\n", percentileOf(times, 0.95));
    std::printf("submit_samples: %d count\n", samples);
}

}  // namespace dvc::bench
