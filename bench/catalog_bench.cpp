// Catalogue figures: search latency per keystroke on 10,000 procedures, and the time of a
// delta sync (catalogue request + the changed procedures' details) over TLS.
#include "catalog_bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "catalog/catalog_search.h"
#include "catalog/catalog_store.h"
#include "catalog/catalog_sync.h"
#include "catalog/generator/synthetic_catalog.h"
#include "https_portal_client.h"
#include "server/store.h"

namespace dvc::bench {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentileOf(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

// What citizens type: the queries, everyday words, and names of generated procedures.
const std::vector<std::string> kQueries{
    "dang ky khai sinh",
    "khai sinh",
    "dăng ki kết hon",
    "giay phep xay dung",
    "xác nhận độc thân",
    "nhập hộ khẩu",
    "sao y",
    "xây nhà",
    "cấp lại giấy phép lái xe quốc tế",
    "giay phep ban le ruou",
    "mở phòng khám",
    "gia han giay phep lao dong",
    "chung chi hanh nghe duoc",
    "karaoke",
    "tách thửa đất",
    "trợ cấp thất nghiệp",
    "dang ky tam tru",
    "ly lich tu phap",
};

bool searchFigures() {
    auto dir = test::freshTempDir("bench-catalog");
    auto store = catalog::CatalogStore::open(dir / "catalog.db");
    if (!store) return false;
    auto seed =
        catalog::loadProcedureFile(std::filesystem::path(DVC_SOURCE_SEED) / "procedures.json");
    if (!seed) return false;
    CatalogPage page;
    page.version = 1;
    for (const auto& d : *seed) page.procedures.push_back(d.summary);
    auto synthetic = catalog::syntheticCatalog(10000 - page.procedures.size());
    page.procedures.insert(page.procedures.end(), synthetic.begin(), synthetic.end());
    auto loadStart = Clock::now();
    if (!(*store)->apply(page, 0)) return false;
    std::printf("catalog_full_apply_10k: %.0f ms\n", msSince(loadStart));

    catalog::CatalogSearch search(**store);
    auto warm = Clock::now();
    search.prepare();  // the in-memory ranking data, once per catalogue version
    std::printf("catalog_search_prepare: %.1f ms\n", msSince(warm));

    std::vector<double> times, cpuTimes;
    for (int round = 0; round < 5; ++round)
        for (const auto& q : kQueries)
            for (std::size_t n = 1; n <= q.size(); ++n) {
                // Type whole characters: never cut a UTF-8 sequence.
                if (n < q.size() && (static_cast<unsigned char>(q[n]) & 0xC0) == 0x80) continue;
                auto cpu = threadCpuMs();
                auto t = Clock::now();
                auto hits = search.search(q.substr(0, n), 10);
                times.push_back(msSince(t));
                cpuTimes.push_back(threadCpuMs() - cpu);
                if (std::getenv("DVC_BENCH_SLOW") && times.back() > 3)
                    std::fprintf(stderr, "slow: '%s' %.1f ms, %zu hits\n", q.substr(0, n).c_str(),
                                 times.back(), hits.size());
            }
    std::printf("catalog_search_keystroke_median: %.3f ms\n", percentileOf(times, 0.5));
    std::printf("catalog_search_keystroke_p99: %.3f ms\n", percentileOf(times, 0.99));
    std::printf("catalog_search_keystroke_max: %.3f ms\n", percentileOf(times, 1.0));
    std::printf("catalog_search_keystrokes: %zu count\n", times.size());
    // CPU time of the searching thread: the same work without the waits of a loaded machine.
    std::printf("catalog_search_keystroke_cpu_median: %.3f ms\n", percentileOf(cpuTimes, 0.5));
    std::printf("catalog_search_keystroke_cpu_p99: %.3f ms\n", percentileOf(cpuTimes, 0.99));
    return true;
}

bool deltaSyncFigures(const test::GatewayProcess& gw) {
    BackendConfig backend;
    backend.url = gw.url();
    backend.caFile = gw.caFile();
    HttpsPortalClient client(backend, "KIOSK-BENCH");
    auto dir = test::freshTempDir("bench-catalog-sync");
    auto store = catalog::CatalogStore::open(dir / "catalog.db");
    if (!store) return false;
    catalog::CatalogSync sync(**store, client);
    auto full = Clock::now();
    if (!sync.sync()) return false;
    std::printf("catalog_full_sync: %.1f ms\n", msSince(full));

    auto gateway = gateway::GatewayStore::open(gw.dataDir() / "gateway.db");
    if (!gateway) return false;
    auto all = (*gateway)->procedures(0);
    std::vector<double> times;
    for (int round = 0; round < 20; ++round) {
        // Five procedures change per round (a typical day's amendments).
        std::vector<gateway::ProcedureRecord> changed;
        for (std::size_t i = 0; i < 5; ++i) {
            auto rec = (*gateway)->procedure(all[(round * 5 + i) % all.size()].code);
            if (!rec) return false;
            rec->summary.timeLimitDays += 1;
            changed.push_back(*rec);
        }
        (*gateway)->publishProcedures(changed);
        auto t = Clock::now();
        auto report = sync.sync();
        times.push_back(msSince(t));
        if (!report || report->upserted != 5 || report->full) return false;
    }
    std::printf("catalog_delta_sync: %.1f ms\n", percentileOf(times, 0.5));
    std::printf("catalog_delta_sync_changed: 5 count\n");
    auto t = Clock::now();
    if (!sync.sync()) return false;
    std::printf("catalog_sync_not_modified: %.1f ms\n", msSince(t));
    return true;
}

}  // namespace

bool catalogFigures(const test::GatewayProcess& gw) {
    return searchFigures() && deltaSyncFigures(gw);
}

}  // namespace dvc::bench
