#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// Sums are kept in tiyn (tenge × 100) so they add up exactly.

// "1 500,50", "1500.50", "1500" tenge -> 150050, 150050, 150000 tiyn; spaces
// (and U+202F) may group thousands. nullopt for anything else, negatives included.
std::optional<std::int64_t> tiyn_from_tenge(std::string_view text);

// 150050 -> "1500.50": how sums are written in reports and CSV.
std::string tenge_text(std::int64_t tiyn);

}  // namespace kitap::core
