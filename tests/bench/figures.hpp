#pragma once

#include <algorithm>
#include <cstdio>
#include <vector>

namespace kitap::bench {

// The value below which a fraction `p` of `values` lies (nearest rank).
inline double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values.at(index);
}

// kitap-bench prints one `name: value` line a figure.
inline void print(const char* name, double value) { std::printf("%s: %.3f\n", name, value); }

}  // namespace kitap::bench
