#include "kiosk/workbook/cell_text.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace kitap::workbook {

std::optional<std::string> number_text(std::string_view stored) {
    double value = 0;
    const auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
    if (error != std::errc{} || end != stored.data() + stored.size() || !std::isfinite(value)) return std::nullopt;
    // Below 2^53 a whole double is exact: 20000014, never 2.0000014E7.
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return std::to_string(static_cast<long long>(value));
    char buffer[32];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, written.ptr);
}

std::optional<std::string> serial_date_text(double serial, bool epoch_1904) {
    if (!std::isfinite(serial) || serial < 0 || serial > 2958466) return std::nullopt;  // up to 9999-12-31
    using namespace std::chrono;
    auto whole_days = static_cast<int>(std::floor(serial));
    auto minutes = static_cast<int>(std::lround((serial - whole_days) * 24 * 60));
    if (minutes == 24 * 60) {
        ++whole_days;
        minutes = 0;
    }
    // 1900 system: day 1 is 1900-01-01 and day 60 the 29 February 1900 that never was.
    const sys_days epoch =
        epoch_1904 ? sys_days(1904y / January / 1) : sys_days(1899y / December / (whole_days < 61 ? 31 : 30));
    const year_month_day date(epoch + days(whole_days));
    char buffer[32];
    int length = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                               static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    if (minutes != 0)
        length += std::snprintf(buffer + length, sizeof buffer - length, " %02d:%02d", minutes / 60, minutes % 60);
    return std::string(buffer, static_cast<std::size_t>(length));
}

bool is_date_format(int id, std::string_view code) {
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\\') {
            ++i;
        } else if (c == '[') {
            ++bracket;
        } else if (c == ']' && bracket > 0) {
            --bracket;
        } else if (bracket == 0) {
            switch (c) {
                case 'd':
                case 'D':
                case 'm':
                case 'M':
                case 'y':
                case 'Y':
                case 'h':
                case 'H':
                case 's':
                case 'S':
                    return true;
                default:
                    break;
            }
        }
    }
    return false;
}

std::string iso_date_text(std::string_view stored) {
    const auto date = stored.substr(0, 10);
    if (stored.size() < 16 || stored[10] != 'T') return std::string(date);
    const auto time = stored.substr(11, 5);
    return time == "00:00" ? std::string(date) : std::string(date) + ' ' + std::string(time);
}

}  // namespace kitap::workbook
