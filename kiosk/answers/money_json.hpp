#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>

namespace kitap::answers {

// An amount in tiyn as JSON shows money: tenge, with the tiyn as hundredths (1500.5).
inline nlohmann::json tenge_json(std::int64_t tiyn) { return static_cast<double>(tiyn) / 100.0; }

}  // namespace kitap::answers
