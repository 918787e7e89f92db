#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <utility>
#include <vector>

namespace kitap::core::demo {

// Random choices for the demo school. std::mt19937's output is fixed by the standard,
// but std::uniform_int_distribution, std::shuffle and friends may differ between
// standard libraries; the demo must be the same everywhere for a seed, so the
// arithmetic on top of the engine is ours.
class DemoRandom {
public:
    explicit DemoRandom(std::uint32_t seed) : engine_(seed) {}

    // Uniform in [0, size); rejection keeps it unbiased. `size` must be positive.
    std::size_t index(std::size_t size) {
        const std::uint64_t range = size;
        const std::uint64_t limit = (std::uint64_t{1} << 32) / range * range;
        std::uint64_t drawn = engine_();
        while (drawn >= limit) drawn = engine_();
        return static_cast<std::size_t>(drawn % range);
    }

    // Uniform in [low, high].
    int between(int low, int high) { return low + static_cast<int>(index(static_cast<std::size_t>(high - low) + 1)); }

    // True in `chance` cases out of 100.
    bool percent(int chance) { return between(0, 99) < chance; }

    template <typename T>
    const T& pick(std::span<const T> items) {
        return items[index(items.size())];
    }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[index(items.size())];
    }

    // Fisher-Yates.
    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[index(i)]);
    }

private:
    std::mt19937 engine_;
};

}  // namespace kitap::core::demo
