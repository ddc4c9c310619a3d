#pragma once
#include <algorithm>
#include <vector>

namespace dvc::bench {

// The p-quantile (0..1) of the samples, nearest rank.
inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto idx = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[idx];
}

}  // namespace dvc::bench
