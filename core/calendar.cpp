#include "core/calendar.hpp"

#include <cstdio>
#include <ctime>

namespace kitap::core {

using namespace std::chrono;

Date local_date(Timestamp at) {
    const std::time_t t = at.time_since_epoch().count();
    std::tm local{};
    localtime_r(&t, &local);
    return Date{year{local.tm_year + 1900}, month{static_cast<unsigned>(local.tm_mon + 1)},
                day{static_cast<unsigned>(local.tm_mday)}};
}

Timestamp local_day_start(Date day) {
    std::tm local{};
    local.tm_year = static_cast<int>(day.year()) - 1900;
    local.tm_mon = static_cast<int>(static_cast<unsigned>(day.month())) - 1;
    local.tm_mday = static_cast<int>(static_cast<unsigned>(day.day()));
    local.tm_isdst = -1;
    return Timestamp{seconds{std::mktime(&local)}};
}

std::string iso_date(Date date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::string iso_timestamp(Timestamp at) {
    const auto day_start = floor<days>(at);
    const hh_mm_ss time{at - day_start};
    char text[32];
    std::snprintf(text, sizeof text, "%sT%02ld:%02ld:%02ldZ", iso_date(Date{day_start}).c_str(),
                  static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                  static_cast<long>(time.seconds().count()));
    return text;
}

std::string local_iso_timestamp(Timestamp at) {
    const std::time_t t = at.time_since_epoch().count();
    std::tm local{};
    localtime_r(&t, &local);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
    const long offset_minutes = local.tm_gmtoff / 60;
    const long magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char zone[8];
    std::snprintf(zone, sizeof zone, "%c%02ld:%02ld", offset_minutes < 0 ? '-' : '+', magnitude / 60 % 100,
                  magnitude % 60);  // zones are at most 14 hours away
    return std::string(text) + zone;
}

std::optional<Date> parse_iso_date(std::string_view text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    const std::string copy(text);
    if (text.size() != 10 || std::sscanf(copy.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    const Date date{year{y}, month{m}, day{d}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::optional<Timestamp> parse_iso_timestamp(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') return std::nullopt;
    const auto date = parse_iso_date(text.substr(0, 10));
    unsigned h = 0, m = 0, s = 0;
    const std::string copy(text.substr(11, 8));
    if (!date || std::sscanf(copy.c_str(), "%2u:%2u:%2u", &h, &m, &s) != 3 || h > 23 || m > 59 || s > 60)
        return std::nullopt;
    return sys_days{*date} + hours{h} + minutes{m} + seconds{s};
}

Date add_days(Date date, int count) { return Date{sys_days{date} + days{count}}; }

Date next_occurrence(Date date, month_day md) {
    Date candidate = date.year() / md.month() / md.day();
    if (!candidate.ok()) candidate = date.year() / md.month() / last;
    if (sys_days{candidate} <= sys_days{date}) {
        const year next = date.year() + years{1};
        candidate = next / md.month() / md.day();
        if (!candidate.ok()) candidate = next / md.month() / last;
    }
    return candidate;
}

std::string school_year_of(Date date) {
    const int y = static_cast<int>(date.year());
    const int start = date.month() >= September ? y : y - 1;
    return std::to_string(start) + "-" + std::to_string(start + 1);
}

}  // namespace kitap::core
