#include "core/remote/station_registry.hpp"

#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

const Timestamp t0 = sys_days{2026y / November / 25} + 10h;

TEST(StationRegistryTest, KeepsTheLastCallOfEachStationByName) {
    testing::TempDatabase temp;
    StationRegistry registry(temp.db());
    EXPECT_TRUE(registry.list(t0).empty());

    registry.record_seen("reading-room", 12, t0);
    registry.record_seen("kiosk-2", -3, t0 - 10min);  // no kiosk sends that: nothing waits
    registry.record_seen("reading-room", 2, t0 + 30s);

    const auto listed = registry.list(t0 + 2min);
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0], (StationStatus{.name = "kiosk-2", .last_seen = t0 - 10min}));
    EXPECT_EQ(listed[1],
              (StationStatus{.name = "reading-room", .online = true, .last_seen = t0 + 30s, .journal_waiting = 2}));
    EXPECT_FALSE(registry.list(t0 + 30s + station_online_window + 1s)[1].online);
}

}  // namespace
}  // namespace kitap::core
