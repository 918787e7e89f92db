#include "kiosk/gui/pin/librarian_pin.hpp"

#include "core/library.hpp"
#include "core/security/secret_hash.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;
using Verdict = PinGuard::Verdict;
using Result = PinGuard::Result;

TEST(LibrarianPin, ANewPinIsSixToEightDigits) {
    EXPECT_EQ(check_pin_format("123456"), PinFormat::ok);
    EXPECT_EQ(check_pin_format("12345678"), PinFormat::ok);
    EXPECT_EQ(check_pin_format("1234"), PinFormat::too_short);
    EXPECT_EQ(check_pin_format("12345"), PinFormat::too_short);
    EXPECT_EQ(check_pin_format("123456789"), PinFormat::too_long);
    EXPECT_EQ(check_pin_format("12a456"), PinFormat::not_digits);
    EXPECT_EQ(check_pin_format("١٢٣٤٥٦"), PinFormat::not_digits);  // only ASCII digits are on the keypad
}

TEST(LibrarianPin, StoredInTheLibrarySettings) {
    testing::TempDir dir;
    auto library = core::Library::open(dir.path() / "kitap.db");
    ASSERT_TRUE(library) << library.error().detail;
    const auto settings = library->settings();
    EXPECT_EQ(stored_pin_hash(settings).value(), std::optional<std::string>());
    EXPECT_EQ(store_pin(settings, "12"), PinFormat::too_short);
    EXPECT_EQ(store_pin(settings, "97531"), PinFormat::too_short);
    EXPECT_EQ(stored_pin_hash(settings).value(), std::optional<std::string>());
    EXPECT_EQ(store_pin(settings, "975310"), PinFormat::ok);
    const auto hash = stored_pin_hash(settings);
    ASSERT_TRUE(hash && *hash);
    EXPECT_TRUE(core::verify_secret(**hash, "975310"));
}

class PinGuardTest : public ::testing::Test {
protected:
    // What the kiosk records for each verdict, as the audit log would hold it.
    Result attempt(PinGuard& guard, std::string_view pin, core::Timestamp at) {
        const Result result = guard.attempt(pin, hash, at);
        if (result.verdict == Verdict::wrong) log.since.push_back({at, core::LibrarianActionKind::pin_wrong});
        if (result.verdict == Verdict::locked_out) log.since.push_back({at, core::LibrarianActionKind::pin_locked_out});
        if (result.verdict == Verdict::accepted) log = {.last_unlock = at, .since = {}};
        return result;
    }
    Result attempt(std::string_view pin, core::Timestamp at) { return attempt(guard, pin, at); }
    // A kiosk started afresh on the same database.
    PinGuard restarted() const {
        PinGuard fresh;
        fresh.restore(log);
        return fresh;
    }
    void lock_out(core::Timestamp at) {
        for (int i = 0; i < 5; ++i) attempt("000000", at);
    }

    std::optional<std::string> hash = core::hash_secret("135790");
    PinGuard guard;
    core::PinAttemptLog log;
    core::Timestamp t0 = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} + 9h;
};

TEST_F(PinGuardTest, RightPinIsAccepted) { EXPECT_EQ(attempt("135790", t0).verdict, Verdict::accepted); }

TEST_F(PinGuardTest, FiveWrongTriesLockForAMinute) {
    for (int left = 4; left >= 1; --left) {
        const auto result = attempt("000000", t0);
        EXPECT_EQ(result.verdict, Verdict::wrong);
        EXPECT_EQ(result.tries_left, left);
    }
    const auto fifth = attempt("000000", t0 + 1s);
    EXPECT_EQ(fifth.verdict, Verdict::locked_out);
    EXPECT_EQ(fifth.locked_for, 60s);
    // Locked: even the right PIN is not looked at, and nothing is recorded.
    const auto right = attempt("135790", t0 + 31s);
    EXPECT_EQ(right.verdict, Verdict::locked);
    EXPECT_EQ(right.locked_for, 30s);
    EXPECT_EQ(log.since.size(), 5u);
    EXPECT_EQ(guard.locked_for(t0 + 60s), 1s);
    EXPECT_EQ(guard.locked_for(t0 + 61s), 0s);
    // After the minute: a fresh set of tries, and the right PIN works.
    EXPECT_EQ(attempt("000000", t0 + 62s).tries_left, 4);
    EXPECT_EQ(attempt("135790", t0 + 63s).verdict, Verdict::accepted);
}

TEST_F(PinGuardTest, EachLockoutLastsTwiceTheOneBefore) {
    lock_out(t0);
    EXPECT_EQ(guard.locked_for(t0), 1min);
    lock_out(t0 + 1min);
    EXPECT_EQ(guard.locked_for(t0 + 1min), 2min);
    lock_out(t0 + 3min);
    EXPECT_EQ(guard.locked_for(t0 + 3min), 4min);
    lock_out(t0 + 7min);
    EXPECT_EQ(guard.locked_for(t0 + 7min), 8min);
}

TEST_F(PinGuardTest, ARestartKeepsTheLockoutAndTheTries) {
    lock_out(t0);
    lock_out(t0 + 1min);
    PinGuard after = restarted();
    EXPECT_EQ(after.locked_for(t0 + 1min + 30s), 90s);
    EXPECT_EQ(attempt(after, "135790", t0 + 2min).verdict, Verdict::locked);
    // Two wrong tries, a restart: three are left, and the third lockout is four minutes.
    attempt(after, "000000", t0 + 3min);
    attempt(after, "000000", t0 + 3min);
    PinGuard again = restarted();
    EXPECT_EQ(again.tries_left(), 3);
    for (int i = 0; i < 2; ++i) EXPECT_EQ(attempt(again, "000000", t0 + 4min).verdict, Verdict::wrong);
    const auto locking = attempt(again, "000000", t0 + 4min);
    EXPECT_EQ(locking.verdict, Verdict::locked_out);
    EXPECT_EQ(locking.locked_for, 4min);
}

TEST_F(PinGuardTest, ARightPinResetsTheCountAndReportsTheWrongOnes) {
    lock_out(t0);
    for (int i = 0; i < 2; ++i) attempt("000000", t0 + 5min + std::chrono::seconds(i));
    const auto accepted = attempt("135790", t0 + 6min);
    ASSERT_EQ(accepted.verdict, Verdict::accepted);
    EXPECT_EQ(accepted.report.wrong_tries, 7);
    EXPECT_EQ(accepted.report.last_wrong, t0 + 5min + 1s);
    EXPECT_FALSE(accepted.report.previous_unlock);
    EXPECT_FALSE(accepted.report.short_pin());
    EXPECT_TRUE(accepted.report.worth_telling());
    EXPECT_EQ(attempt("000000", t0 + 7min).tries_left, 4);
    const auto next = attempt("135790", t0 + 8min);
    EXPECT_EQ(next.report.wrong_tries, 1);
    EXPECT_EQ(next.report.previous_unlock, t0 + 6min);
    EXPECT_FALSE(attempt("135790", t0 + 9min).report.worth_telling());
}

TEST_F(PinGuardTest, AnOldShortPinStillUnlocksButIsToldToChange) {
    hash = core::hash_secret("2468");  // set when four digits were enough
    const auto accepted = attempt("2468", t0);
    ASSERT_EQ(accepted.verdict, Verdict::accepted);
    EXPECT_TRUE(accepted.report.short_pin());
    EXPECT_EQ(accepted.report.pin_digits, 4u);
    EXPECT_TRUE(accepted.report.worth_telling());
}

TEST_F(PinGuardTest, NoPinSetIsSaidSoAndCostsNoTry) {
    hash.reset();
    EXPECT_EQ(attempt("135790", t0).verdict, Verdict::no_pin_set);
    EXPECT_EQ(guard.tries_left(), 5);
}

}  // namespace
}  // namespace kitap::kiosk
