#include "kiosk/sip2/session/sip2_amounts.hpp"

#include <charconv>
#include <cstdio>

namespace kitap::sip2 {
namespace {

constexpr std::int64_t max_tenge = 1'000'000'000;

std::optional<std::int64_t> digits(std::string_view text) {
    std::int64_t value = 0;
    if (text.empty() || text.size() > 10 || text.front() == '-') return std::nullopt;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::string sip_amount(std::int64_t tiyn) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(tiyn / 100),
                  static_cast<long long>(tiyn % 100));
    return text;
}

std::optional<std::int64_t> parse_sip_amount(std::string_view text) {
    const auto point = text.find_first_of(".,");
    const auto tenge = digits(text.substr(0, point));
    if (!tenge || *tenge > max_tenge) return std::nullopt;
    if (point == std::string_view::npos) return *tenge * 100;
    const auto fraction_text = text.substr(point + 1);
    if (fraction_text.empty() || fraction_text.size() > 2) return std::nullopt;
    const auto fraction = digits(fraction_text);
    if (!fraction) return std::nullopt;
    return *tenge * 100 + *fraction * (fraction_text.size() == 1 ? 10 : 1);
}

}  // namespace kitap::sip2
