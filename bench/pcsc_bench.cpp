#include "pcsc_bench.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <vector>

#include "file_card.h"
#include "pcsc_card_reader.h"
#include "pcscd_process.h"
#include "vpcd_bridge.h"

namespace dvc::bench {

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Median milliseconds of `samples` exchanges of `apdu`; negative when one fails.
double medianRoundTrip(CardChannel& channel, const emrtd::Bytes& apdu, std::size_t answerSize,
                       int samples) {
    std::vector<double> times;
    for (int i = 0; i < samples; ++i) {
        auto start = std::chrono::steady_clock::now();
        auto r = channel.transmit(apdu);
        auto end = std::chrono::steady_clock::now();
        if (!r.ok() || r.value().size() != answerSize) {
            std::fprintf(stderr, "pcsc bench: exchange failed: %s\n",
                         r.ok() ? "unexpected answer length" : r.error().detail.c_str());
            return -1;
        }
        times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    return median(times);
}

}  // namespace

void printPcscRoundtrip(int samples) {
    if (auto missing = test::PcscdProcess::notInstalled()) {
        std::fprintf(stderr, "pcsc bench skipped: %s\n", missing->c_str());
        return;
    }
    try {
        test::PcscdProcess pcscd;
        test::FileCard card(/*extendedLength=*/true);
        card.addFile(0x0102, test::patternBytes(4096, 2));
        card::VpcdBridge bridge(card, "127.0.0.1", pcscd.vpcdPort());
        if (auto inserted = bridge.insert(); !inserted.ok()) {
            std::fprintf(stderr, "pcsc bench: %s\n", inserted.error().detail.c_str());
            return;
        }
        card::PcscCardReader reader;
        std::atomic<bool> cancel{false};
        auto channel = reader.waitForCard("", std::chrono::seconds(10), cancel);
        if (!channel.ok()) {
            std::fprintf(stderr, "pcsc bench: %s\n", channel.error().detail.c_str());
            return;
        }
        auto& c = *channel.value();
        const emrtd::Bytes select = {0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x02};
        const emrtd::Bytes read4k = {0x00, 0xB0, 0x00, 0x00, 0x00, 0x10, 0x00};  // Le = 4096
        const double shortMs = medianRoundTrip(c, select, 2, samples);
        const double readMs = medianRoundTrip(c, read4k, 4096 + 2, samples);
        if (shortMs >= 0) std::printf("pcsc_roundtrip_median_short_apdu: %.3f ms\n", shortMs);
        if (readMs >= 0) std::printf("pcsc_roundtrip_median_read_4k: %.3f ms\n", readMs);
        std::printf("pcsc_roundtrip_samples: %d count\n", samples);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pcsc bench: %s\n", e.what());
    }
}

}  // namespace dvc::bench
