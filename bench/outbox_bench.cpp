#include "outbox_bench.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "https_portal_client.h"
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

DossierSubmission benchSubmission(int n) {
    DossierSubmission s;
    s.procedureCode = "1.001193";
    s.kioskId = "KIOSK-BENCH";
    s.applicant = {"Trần Văn Bình", "042190001234", "1990-05-14", "nam", "0912345678", "", ""};
    // A complete birth registration form: the gateway judges it by the procedure's schema.
    s.form = nlohmann::json::parse(R"json(
{
 "ho_ten": "Lê Văn Hùng",
 "ngay_sinh": "1992-08-17",
 "so_dinh_danh": "042092003817",
 "noi_cu_tru": {
  "province": "042",
  "district": "436",
  "commune": "Phường Trần Phú",
  "detail": "Số 25 đường Hà Huy Tập"
 },
 "so_dien_thoai": "0983417265",
 "quan_he": "cha",
 "tre": [
  {
   "ho_ten": "Lê Minh Khang",
   "gioi_tinh": "nam",
   "ngay_sinh": "2026-10-30",
   "dan_toc": "Kinh",
   "quoc_tich": "Việt Nam"
  }
 ],
 "noi_sinh": {
  "province": "042",
  "district": "436",
  "commune": "Phường Bắc Hà",
  "detail": "Bệnh viện Đa khoa tỉnh Hà Tĩnh, số 75 đường Hải Thượng Lãn Ông"
 },
 "que_quan": {
  "province": "042",
  "district": "443",
  "commune": "Xã Thiên Lộc"
 },
 "ho_ten_me": "Nguyễn Thị Thu Hà",
 "ngay_sinh_me": "1995-03-02",
 "dan_toc_me": "Kinh",
 "quoc_tich_me": "Việt Nam",
 "so_dinh_danh_me": "042195004518",
 "noi_cu_tru_me": {
  "province": "042",
  "district": "436",
  "commune": "Phường Trần Phú",
  "detail": "Số 25 đường Hà Huy Tập"
 },
 "co_thong_tin_cha": true,
 "ho_ten_cha": "Lê Văn Hùng",
 "ngay_sinh_cha": "1992-08-17",
 "dan_toc_cha": "Kinh",
 "quoc_tich_cha": "Việt Nam",
 "so_dinh_danh_cha": "042092003817",
 "noi_cu_tru_cha": {
  "province": "042",
  "district": "436",
  "commune": "Phường Trần Phú",
  "detail": "Số 25 đường Hà Huy Tập"
 },
 "cam_doan": true
})json");
    s.form["so_dien_thoai"] = "090" + std::to_string(1000000 + n % 1000000);
    return s;
}

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
