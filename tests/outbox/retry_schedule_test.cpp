#include <catch2/catch.hpp>

#include "outbox/retry_schedule.h"

using namespace dvc;
using namespace std::chrono_literals;

TEST_CASE("nominal retry delays double from 2 s and stop at 5 min") {
    std::vector<std::chrono::milliseconds> expected{2s,  4s,   8s,   16s,  32s,
                                                    64s, 128s, 256s, 300s, 300s};
    for (int n = 1; n <= 10; ++n) CHECK(nominalRetryDelay(n) == expected[n - 1]);
    CHECK(nominalRetryDelay(1000) == 300s);
    CHECK(nominalRetryDelay(0) == 2s);  // nonsense counts are clamped, never negative
    CHECK(nominalRetryDelay(-5) == 2s);
}

TEST_CASE("jitter shortens a delay by at most 20 % and never lengthens it") {
    for (int n = 1; n <= 12; ++n) {
        auto nominal = nominalRetryDelay(n);
        CHECK(retryDelay(n, 0.0) == nominal);
        CHECK(retryDelay(n, 0.5) == nominal - nominal / 10);
        auto shortest = retryDelay(n, 0.999999);
        CHECK(shortest <= nominal);
        CHECK(shortest * 10 >= nominal * 8);
        CHECK(retryDelay(n, 7.0) == nominal - nominal / 5);  // clamped to [0, 1]
    }
}

TEST_CASE("random jitter spreads over [0, 1)") {
    double low = 1, high = 0;
    for (int i = 0; i < 200; ++i) {
        double j = randomJitter();
        REQUIRE(j >= 0.0);
        REQUIRE(j < 1.0);
        low = std::min(low, j);
        high = std::max(high, j);
    }
    CHECK(high - low > 0.5);
}
