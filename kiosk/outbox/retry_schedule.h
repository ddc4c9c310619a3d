#pragma once
// When the outbox tries a submission again after a transient failure.
#include <chrono>

namespace dvc {

inline constexpr std::chrono::milliseconds kFirstRetryDelay{2000};
inline constexpr std::chrono::milliseconds kMaxRetryDelay{5 * 60 * 1000};

// The nominal delay after the n-th failed attempt (n ≥ 1): 2 s, 4 s, 8 s … doubling, at most
// 5 min.
std::chrono::milliseconds nominalRetryDelay(int failedAttempts);

// The nominal delay shortened by up to 20 % (jitter in [0, 1)), so kiosks that lost the
// gateway together do not all come back in the same second; never above the maximum.
std::chrono::milliseconds retryDelay(int failedAttempts, double jitter);

// A uniform jitter in [0, 1) from libsodium's generator.
double randomJitter();

}  // namespace dvc
