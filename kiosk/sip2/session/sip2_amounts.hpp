#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::sip2 {

// Money as SIP2's BV carries it: tenge with two decimals, "1500.00".
std::string sip_amount(std::int64_t tiyn);
// "1500", "1500.5", "1500.50" (a comma too, as some terminals send): tiyn; nullopt for
// anything else, a negative amount or more than a billion tenge.
std::optional<std::int64_t> parse_sip_amount(std::string_view text);

}  // namespace kitap::sip2
