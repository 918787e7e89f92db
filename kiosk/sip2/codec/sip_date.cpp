#include "kiosk/sip2/codec/sip_date.hpp"

#include <cstdio>
#include <stdexcept>

namespace kitap::sip2 {
namespace {

constexpr std::size_t sip_date_length = 18;

// The number `count` ASCII digits at `at` spell, or -1 when one of them is not a digit.
int digits_at(std::string_view text, std::size_t at, std::size_t count) {
    int value = 0;
    for (const char c : text.substr(at, count)) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::string sip_date(std::chrono::local_seconds local_time) {
    using namespace std::chrono;
    const auto day = floor<days>(local_time);
    const year_month_day date(day);
    const hh_mm_ss time(local_time - day);
    const int year = static_cast<int>(date.year());
    if (year < 0 || year > 9999) throw std::logic_error("a SIP date holds years 0000-9999 only");
    char text[sip_date_length + 1];
    std::snprintf(text, sizeof text, "%04d%02u%02u    %02d%02d%02d", year, static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
    return text;
}

std::optional<std::chrono::local_seconds> parse_sip_date(std::string_view text) {
    using namespace std::chrono;
    if (text.size() != sip_date_length) return std::nullopt;
    const auto zone = text.substr(8, 4);
    if (zone != "    " && zone != "   Z") return std::nullopt;
    const int y = digits_at(text, 0, 4), m = digits_at(text, 4, 2), d = digits_at(text, 6, 2);
    const int hours = digits_at(text, 12, 2), minutes = digits_at(text, 14, 2), seconds = digits_at(text, 16, 2);
    if (y < 0 || m < 0 || d < 0 || hours < 0 || minutes < 0 || seconds < 0) return std::nullopt;
    const year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!date.ok() || hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
    return local_days(date) + std::chrono::hours(hours) + std::chrono::minutes(minutes) + std::chrono::seconds(seconds);
}

}  // namespace kitap::sip2
