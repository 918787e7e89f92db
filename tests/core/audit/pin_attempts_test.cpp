#include "core/audit/pin_attempts.hpp"

#include "core/circulation/library_store.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <climits>
#include <vector>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using Kind = LibrarianActionKind;

const Timestamp t0 = sys_days{2026y / 12 / 1} + 9h;

TEST(PinLockout, EachLockoutLastsTwiceTheOneBeforeUpToADay) {
    EXPECT_EQ(lockout_length(1), 1min);
    EXPECT_EQ(lockout_length(2), 2min);
    EXPECT_EQ(lockout_length(3), 4min);
    EXPECT_EQ(lockout_length(4), 8min);
    EXPECT_EQ(lockout_length(11), 1024min);
    EXPECT_EQ(lockout_length(12), 24h);
    EXPECT_EQ(lockout_length(13), 24h);
    EXPECT_EQ(lockout_length(1000), 24h);  // no overflow
    EXPECT_EQ(lockout_length(INT_MAX), 24h);
}

TEST(PinLockout, NothingTriedLeavesTheKeypadOpen) {
    const PinLockState state = pin_lock_state({});
    EXPECT_EQ(state.tries_left, 5);
    EXPECT_EQ(state.lockouts, 0);
    EXPECT_EQ(state.locked_for(t0), 0s);
    EXPECT_EQ(state.wrong_tries, 0);
    EXPECT_FALSE(state.last_wrong);
}

// The kiosk records four pin_wrong and then the try that locks as pin_locked_out.
std::vector<PinAttempt> one_lockout(Timestamp at) {
    return {{at, Kind::pin_wrong},
            {at + 1s, Kind::pin_wrong},
            {at + 2s, Kind::pin_wrong},
            {at + 3s, Kind::pin_wrong},
            {at + 4s, Kind::pin_locked_out}};
}

TEST(PinLockout, FiveWrongTriesLockForAMinuteToTheSecond) {
    auto rows = one_lockout(t0);
    rows.pop_back();
    EXPECT_EQ(pin_lock_state(rows).tries_left, 1);
    EXPECT_EQ(pin_lock_state(rows).locked_for(t0 + 4s), 0s);
    rows = one_lockout(t0);
    const PinLockState state = pin_lock_state(rows);
    EXPECT_EQ(state.lockouts, 1);
    EXPECT_EQ(state.tries_left, 5);  // once the minute is over
    EXPECT_EQ(state.locked_for(t0 + 4s), 60s);
    EXPECT_EQ(state.locked_for(t0 + 63s), 1s);
    EXPECT_EQ(state.locked_for(t0 + 64s), 0s);  // the boundary: open again
    EXPECT_EQ(state.locked_for(t0 + 24h), 0s);
    EXPECT_EQ(state.wrong_tries, 5);
    EXPECT_EQ(state.last_wrong, t0 + 4s);
}

TEST(PinLockout, FiveWrongRowsLockWithoutALockedOutRow) {
    std::vector<PinAttempt> rows;
    for (int i = 0; i < 5; ++i) rows.push_back({t0 + seconds(i), Kind::pin_wrong});
    const PinLockState state = pin_lock_state(rows);
    EXPECT_EQ(state.lockouts, 1);
    EXPECT_EQ(state.locked_for(t0 + 4s), 60s);
}

// A guesser who tries five PINs each time the keypad opens: 1, 2, 4, 8 ... minutes,
// then a day each time; never more than five tries per lockout.
TEST(PinLockout, AGuesserWaitsLongerEachTime) {
    std::vector<PinAttempt> rows;
    Timestamp now = t0;
    std::vector<minutes> waits;
    for (int round = 0; round < 14; ++round) {
        const PinLockState before = pin_lock_state(rows);
        ASSERT_EQ(before.locked_for(now), 0s);
        ASSERT_EQ(before.tries_left, 5);
        for (const auto& row : one_lockout(now)) rows.push_back(row);
        now += 4s;
        const PinLockState after = pin_lock_state(rows);
        waits.push_back(duration_cast<minutes>(after.locked_for(now)));
        now += after.locked_for(now);
    }
    const std::vector<minutes> expected{1min,   2min,   4min,   8min,    16min,   32min,   64min,
                                        128min, 256min, 512min, 1024min, 1440min, 1440min, 1440min};
    EXPECT_EQ(waits, expected);
    EXPECT_EQ(pin_lock_state(rows).wrong_tries, 14 * 5);
}

TEST(PinLockout, ANewPinEndsTheLockoutsButNotTheReport) {
    auto rows = one_lockout(t0);
    for (const auto& row : one_lockout(t0 + 2min)) rows.push_back(row);
    ASSERT_EQ(pin_lock_state(rows).locked_for(t0 + 3min), 2min + 4s - 1min);
    rows.push_back({t0 + 3min, Kind::pin_set});
    const PinLockState state = pin_lock_state(rows);
    EXPECT_EQ(state.locked_for(t0 + 3min), 0s);
    EXPECT_EQ(state.tries_left, 5);
    EXPECT_EQ(state.lockouts, 0);
    EXPECT_EQ(state.wrong_tries, 10);  // the librarian still hears of them
    // The next lockout is the first again.
    for (const auto& row : one_lockout(t0 + 4min)) rows.push_back(row);
    EXPECT_EQ(pin_lock_state(rows).locked_for(t0 + 4min + 4s), 1min);
}

TEST(PinLockout, AClockSetBackDoesNotLockTheKeypadForYears) {
    const auto rows = one_lockout(t0);
    const PinLockState state = pin_lock_state(rows);
    EXPECT_EQ(state.locked_for(t0 - 1s), 0s);
    EXPECT_EQ(state.locked_for(sys_days{2000y / 1 / 1}), 0s);  // a dead CMOS battery
    // The tries made then still count: the next lockout is the second, two minutes.
    std::vector<PinAttempt> more = rows;
    for (const auto& row : one_lockout(t0 - 1h)) more.push_back(row);
    const PinLockState after = pin_lock_state(more);
    EXPECT_EQ(after.lockouts, 2);
    EXPECT_EQ(after.locked_for(t0 - 1h + 4s), 2min);
}

TEST(PinLockout, AClockPutForwardEndsTheLockoutEarly) {
    const PinLockState state = pin_lock_state(one_lockout(t0));
    EXPECT_EQ(state.locked_for(t0 + 4s + 30s), 30s);
    EXPECT_EQ(state.locked_for(t0 + 1h), 0s);
}

// The rows as the kiosk writes them, read back as after a restart.
class PinAttemptsLog : public ::testing::Test {
protected:
    void record(Kind kind, Timestamp at, const std::string& station = "kiosk") {
        LibraryStore store(db_.db());
        record_librarian_action(store, {.at = at, .station = station, .action = kind});
    }
    void record_lockout(Timestamp at) {
        for (const auto& row : one_lockout(at)) record(row.action, row.at);
    }
    // A restart: nothing but what the database holds.
    PinLockState restarted() {
        SQLite::Database reopened(db_.path().string(), SQLite::OPEN_READONLY);
        return pin_lock_state(read_pin_attempts(reopened).since);
    }

    testing::TempDatabase db_;
};

TEST_F(PinAttemptsLog, ALockoutSurvivesARestart) {
    record_lockout(t0);
    const PinLockState state = restarted();
    EXPECT_EQ(state.lockouts, 1);
    EXPECT_EQ(state.locked_for(t0 + 4s + 10s), 50s);
    // Locked again after the minute: the second lockout, rebuilt once more, lasts two.
    record_lockout(t0 + 2min);
    EXPECT_EQ(restarted().locked_for(t0 + 2min + 4s), 2min);
}

TEST_F(PinAttemptsLog, TriesCarryOverARestart) {
    for (int i = 0; i < 3; ++i) record(Kind::pin_wrong, t0 + seconds(i));
    EXPECT_EQ(restarted().tries_left, 2);
    for (int i = 3; i < 5; ++i) record(Kind::pin_wrong, t0 + seconds(i));
    EXPECT_EQ(restarted().locked_for(t0 + 4s), 1min);
}

TEST_F(PinAttemptsLog, AnUnlockStartsAfresh) {
    record_lockout(t0);
    record_lockout(t0 + 2min);
    record(Kind::pin_accepted, t0 + 5min);
    record(Kind::pin_wrong, t0 + 1h);
    record(Kind::librarian_locked, t0 + 1h + 1s);  // other librarian actions are no tries
    SQLite::Database reopened(db_.path().string(), SQLite::OPEN_READONLY);
    const PinAttemptLog log = read_pin_attempts(reopened);
    EXPECT_EQ(log.last_unlock, t0 + 5min);
    ASSERT_EQ(log.since.size(), 1u);
    EXPECT_EQ(log.since[0].action, Kind::pin_wrong);
    EXPECT_EQ(log.since[0].at, t0 + 1h);
    const PinLockState state = pin_lock_state(log.since);
    EXPECT_EQ(state.lockouts, 0);
    EXPECT_EQ(state.tries_left, 4);
}

TEST_F(PinAttemptsLog, EveryStationsTriesCountAndNoReadersRows) {
    record(Kind::pin_wrong, t0, "kiosk");
    record(Kind::pin_wrong, t0 + 1s, "kiosk-2");
    // A reader's PIN is not the librarian's: a row naming a reader is not counted.
    db_.db().exec("INSERT INTO reader (id, card, full_name, category) VALUES (1, '20000014', 'Әлия', 'teacher')");
    LibraryStore store(db_.db());
    store.log_event({.at = t0 + 2s, .station = "kiosk", .action = "pin_wrong", .reader_id = 1});
    EXPECT_EQ(restarted().tries_left, 3);
}

TEST_F(PinAttemptsLog, NeverUnlockedReadsEverything) {
    record(Kind::pin_set, t0 - 1h);
    record(Kind::pin_wrong, t0);
    SQLite::Database reopened(db_.path().string(), SQLite::OPEN_READONLY);
    const PinAttemptLog log = read_pin_attempts(reopened);
    EXPECT_FALSE(log.last_unlock);
    EXPECT_EQ(log.since.size(), 2u);
}

}  // namespace
}  // namespace kitap::core
