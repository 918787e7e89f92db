#include "core/fund/money.hpp"

#include "core/codes/check_digits.hpp"

#include <algorithm>
#include <cstdio>

namespace kitap::core {
namespace {

std::string without_group_spaces(std::string_view text) {
    constexpr std::string_view narrow_no_break_space = "\xE2\x80\xAF";
    std::string compact;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i).starts_with(narrow_no_break_space))
            i += narrow_no_break_space.size() - 1;
        else if (text[i] != ' ')
            compact += text[i];
    }
    return compact;
}

}  // namespace

std::optional<std::int64_t> tiyn_from_tenge(std::string_view text) {
    const std::string compact = without_group_spaces(text);
    const auto point = compact.find_first_of(".,");
    const std::string whole = compact.substr(0, point);
    std::string fraction = point == std::string::npos ? "" : compact.substr(point + 1);
    if (whole.empty() || whole.size() > 12 || !all_digits(whole) || fraction.size() > 2 || !all_digits(fraction) ||
        (point != std::string::npos && fraction.empty()))
        return std::nullopt;
    fraction.resize(2, '0');
    return std::stoll(whole) * 100 + std::stoll(fraction);
}

std::string tenge_text(std::int64_t tiyn) {
    char text[32];
    const char* sign = tiyn < 0 ? "-" : "";
    const std::int64_t magnitude = tiyn < 0 ? -tiyn : tiyn;
    std::snprintf(text, sizeof text, "%s%lld.%02lld", sign, static_cast<long long>(magnitude / 100),
                  static_cast<long long>(magnitude % 100));
    return text;
}

}  // namespace kitap::core
