#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

using Timestamp = std::chrono::sys_seconds;
using Date = std::chrono::year_month_day;

// Library days follow the kiosk's local time zone: a loan at 23:30 is due
// counted from that local day, and a visit counts on the day the pupil saw.
Date local_date(Timestamp at);
// The instant a local day begins (its local midnight).
Timestamp local_day_start(Date day);

std::string iso_date(Date date);                // 2026-11-25
std::string iso_timestamp(Timestamp at);        // 2026-11-25T23:22:19Z
std::string local_iso_timestamp(Timestamp at);  // 2026-11-26T04:22:19+05:00, in the local time zone
std::optional<Date> parse_iso_date(std::string_view text);
std::optional<Timestamp> parse_iso_timestamp(std::string_view text);

Date add_days(Date date, int days);

// The first `month_day` strictly after `date`: textbooks lent any day are due at
// the next end of the school year.
Date next_occurrence(Date date, std::chrono::month_day month_day);

// School years run 1 September - 31 August: 2026-11-25 is in "2026-2027".
std::string school_year_of(Date date);

}  // namespace kitap::core
