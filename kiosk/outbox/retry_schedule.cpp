#include "outbox/retry_schedule.h"

#include <sodium.h>

#include <algorithm>

#include "outbox/outbox_key.h"

namespace dvc {

std::chrono::milliseconds nominalRetryDelay(int failedAttempts) {
    // 2 s · 2^(n−1); from n = 9 on (512 s) the cap applies, so the shift never overflows.
    int n = std::clamp(failedAttempts, 1, 10);
    return std::min(std::chrono::milliseconds(kFirstRetryDelay.count() << (n - 1)), kMaxRetryDelay);
}

std::chrono::milliseconds retryDelay(int failedAttempts, double jitter) {
    auto nominal = nominalRetryDelay(failedAttempts);
    double j = std::clamp(jitter, 0.0, 1.0);
    auto cut = static_cast<long long>(static_cast<double>(nominal.count()) * 0.2 * j);
    return nominal - std::chrono::milliseconds(cut);
}

double randomJitter() {
    ensureSodium();
    return static_cast<double>(randombytes_uniform(1000000)) / 1000000.0;
}

}  // namespace dvc
