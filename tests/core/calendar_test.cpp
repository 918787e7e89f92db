#include "core/calendar.hpp"

#include "tests/support/scoped_time_zone.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

TEST(Calendar, LocalIsoTimestampCarriesTheOffset) {
    testing::ScopedTimeZone kazakhstan("<+05>-5");
    EXPECT_EQ(local_iso_timestamp(sys_days{2026y / November / 25} + 23h + 22min + 19s), "2026-11-26T04:22:19+05:00");
    testing::ScopedTimeZone::set("<-0330>3:30");
    EXPECT_EQ(local_iso_timestamp(sys_days{2026y / November / 25} + 2h), "2026-11-24T22:30:00-03:30");
}

TEST(Calendar, LocalDayStartIsLocalMidnight) {
    testing::ScopedTimeZone kazakhstan("<+05>-5");
    EXPECT_EQ(iso_timestamp(local_day_start(2026y / November / 25)), "2026-11-24T19:00:00Z");
}

}  // namespace
}  // namespace kitap::core
