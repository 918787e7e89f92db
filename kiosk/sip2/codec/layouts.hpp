#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace kitap::sip2 {

// One fixed-length field of a message's fixed part (the characters between the two-digit
// command and the first variable field), by the name the spec gives it.
struct FixedLayout {
    std::string_view name;  // "transaction_date"
    std::size_t length;     // in bytes
};

// Who sends a command: the terminal (self-check, book drop) or us, the library system (ACS).
enum class Direction { request, answer };

// The fixed part of `command`, field by field in order; empty for a command without one (97,
// 96) and for one the codec does not know (tell them apart with is_known_command).
std::span<const FixedLayout> fixed_layout(std::string_view command);
// The requests 93 99 97 23 63 11 09 17 29 65 35 37 01 15 19 25 and their answers.
bool is_known_command(std::string_view command);
std::optional<Direction> direction_of(std::string_view command);

}  // namespace kitap::sip2
