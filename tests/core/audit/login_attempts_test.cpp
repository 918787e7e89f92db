// The web console's login lockout as a fold of the event log's rows.
#include "core/audit/login_attempts.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

const Timestamp t0 = sys_days{2026y / 12 / 1} + 9h;

std::vector<LoginAttempt> wrong_at(std::initializer_list<seconds> offsets) {
    std::vector<LoginAttempt> attempts;
    for (const auto offset : offsets) attempts.push_back({.at = t0 + offset, .wrong = true});
    return attempts;
}

TEST(LoginLockout, FourWrongPasswordsDoNotLock) {
    EXPECT_EQ(login_locked_until({}, t0), std::nullopt);
    EXPECT_EQ(login_locked_until(wrong_at({0s, 1min, 2min, 3min}), t0 + 3min), std::nullopt);
}

TEST(LoginLockout, TheFifthWithinFifteenMinutesLocksForFifteenMinutesToTheSecond) {
    const auto attempts = wrong_at({0s, 1min, 2min, 3min, 14min + 59s});
    const Timestamp until = t0 + 14min + 59s + 15min;
    EXPECT_EQ(login_locked_until(attempts, t0 + 14min + 59s), until);
    EXPECT_EQ(login_locked_until(attempts, until - 1s), until);
    EXPECT_EQ(login_locked_until(attempts, until), std::nullopt);
}

TEST(LoginLockout, ATryFifteenMinutesOldNoLongerCounts) {
    EXPECT_EQ(login_locked_until(wrong_at({0s, 1min, 2min, 3min, 15min}), t0 + 15min), std::nullopt);
    // ... but the four after it still do.
    EXPECT_EQ(login_locked_until(wrong_at({0s, 1min, 2min, 3min, 15min, 15min + 1s}), t0 + 15min + 1s),
              t0 + 30min + 1s);
}

TEST(LoginLockout, AfterALockoutTheCountStartsAgain) {
    // Five at once lock until 15 minutes on; the tries before the lockout are spent.
    const auto attempts = wrong_at({0s, 1s, 2s, 3s, 4s, 15min + 4s, 15min + 5s, 15min + 6s, 15min + 7s});
    EXPECT_EQ(login_locked_until(attempts, t0 + 15min + 7s), std::nullopt);
}

TEST(LoginLockout, ANewPasswordLiftsTheLockout) {
    auto attempts = wrong_at({0s, 1s, 2s, 3s, 4s});
    attempts.push_back({.at = t0 + 1min, .wrong = false});
    EXPECT_EQ(login_locked_until(attempts, t0 + 1min), std::nullopt);
    attempts.push_back({.at = t0 + 2min, .wrong = true});
    EXPECT_EQ(login_locked_until(attempts, t0 + 2min), std::nullopt) << "one wrong try after it is one, not six";
}

TEST(LoginLockout, ALockoutStampedAfterNowIsNotWaitedFor) {
    const auto attempts = wrong_at({1h, 1h + 1s, 1h + 2s, 1h + 3s, 1h + 4s});
    EXPECT_EQ(login_locked_until(attempts, t0), std::nullopt) << "the clock was set back";
}

TEST(LoginLockout, AccountEventsSayWhichAccount) {
    EXPECT_EQ(account_event_detail("aigul"), "account=aigul");
    EXPECT_EQ(account_event_detail("aigul", "10.0.0.7"), "account=aigul client=10.0.0.7");
    EXPECT_EQ(to_string(AccountEventKind::web_login_locked_out), "web_login_locked_out");
}

}  // namespace
}  // namespace kitap::core
