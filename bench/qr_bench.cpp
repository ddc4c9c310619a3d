#include "qr_bench.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "bench_stats.h"
#include "qr_codec.h"

namespace dvc::bench {

namespace {

// A grey, noisy 1280×720 frame; with `qr`, the code sits off-centre at about a quarter of the
// frame's height per side… a card held 20–30 cm from a 720p camera.
LumaFrame cameraFrame(const LumaFrame* qr) {
    LumaFrame frame;
    frame.width = 1280;
    frame.height = 720;
    frame.pixels.resize(1280 * 720);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> noise(90, 170);
    for (auto& p : frame.pixels) p = static_cast<std::uint8_t>(noise(rng));
    if (qr) {
        const int left = 700, top = 180;
        for (int y = 0; y < qr->height; ++y)
            for (int x = 0; x < qr->width; ++x) {
                const int v = qr->pixels[static_cast<std::size_t>(y * qr->width + x)];
                // Camera contrast: black is not 0, white is not 255.
                frame.pixels[static_cast<std::size_t>((top + y) * 1280 + left + x)] =
                    static_cast<std::uint8_t>(35 + v * 185 / 255);
            }
    }
    return frame;
}

}  // namespace

bool runQrDecodeBench(int samples) {
    const std::string card =
        "079304012345||Trần Thị Bích Ngọc|29022004|Nữ|123 Lê Lợi, Phường Bến Thành, Quận 1, TP. "
        "Hồ Chí Minh|15082024||||";
    auto qr = renderQrLuma(card, 360);
    auto withCode = cameraFrame(&qr);
    auto empty = cameraFrame(nullptr);

    auto timeDecodes = [&](const LumaFrame& frame, bool expectCode, std::vector<double>& out) {
        for (int i = 0; i < samples; ++i) {
            auto t = std::chrono::steady_clock::now();
            auto text = decodeQrLuma(frame.pixels.data(), frame.width, frame.height, frame.width);
            out.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t)
                    .count());
            if (expectCode != text.ok() || (text && *text != card)) return false;
        }
        return true;
    };
    std::vector<double> found, nothing;
    if (!timeDecodes(withCode, true, found) || !timeDecodes(empty, false, nothing)) {
        std::fprintf(stderr, "qr decode bench: wrong decode result\n");
        return false;
    }
    std::printf("qr_decode_1280x720_median: %.2f ms\n", percentile(found, 0.5));
    std::printf("qr_decode_1280x720_p95: %.2f ms\n", percentile(found, 0.95));
    std::printf("qr_decode_1280x720_no_code_median: %.2f ms\n", percentile(nothing, 0.5));
    std::printf("qr_decode_samples: %d count\n", samples);
    return true;
}

}  // namespace dvc::bench
