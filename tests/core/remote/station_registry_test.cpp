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

// A kiosk given its station account is listed before its first call. (The account
// table takes the role 'station' from migration 0009 on; written here past the CHECK.)
TEST(StationRegistryTest, AStationAccountThatNeverCalledIsListedNeverSeen) {
    testing::TempDatabase temp;
    temp.db().exec("PRAGMA ignore_check_constraints = ON");
    temp.db().exec(R"(INSERT INTO account (name, role, password_hash, created_at) VALUES
        ('store-room', 'station', '$argon2id$', '2026-11-25T09:00:00Z'),
        ('kiosk-2', 'station', '$argon2id$', '2026-11-25T09:00:00Z'),
        ('aigul', 'librarian', '$argon2id$', '2026-11-25T09:00:00Z'))");
    StationRegistry registry(temp.db());
    registry.record_seen("kiosk-2", 1, t0);

    EXPECT_EQ(registry.list(t0),
              (std::vector<StationStatus>{{.name = "kiosk-2", .online = true, .last_seen = t0, .journal_waiting = 1},
                                          {.name = "store-room"}}));
}

}  // namespace
}  // namespace kitap::core
