#include "kiosk/gui/pin/librarian_pin.hpp"

#include "core/db/database.hpp"
#include "tests/kiosk/gui/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;
using Verdict = PinGuard::Verdict;

TEST(LibrarianPin, FormatIsFourToEightDigits) {
    EXPECT_EQ(check_pin_format("1234"), PinFormat::ok);
    EXPECT_EQ(check_pin_format("12345678"), PinFormat::ok);
    EXPECT_EQ(check_pin_format("123"), PinFormat::too_short);
    EXPECT_EQ(check_pin_format("123456789"), PinFormat::too_long);
    EXPECT_EQ(check_pin_format("12a4"), PinFormat::not_digits);
    EXPECT_EQ(check_pin_format("١٢٣٤"), PinFormat::not_digits);  // only ASCII digits are on the keypad
}

TEST(LibrarianPin, HashIsArgon2idAndVerifies) {
    const std::string hash = hash_pin("2468");
    EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
    EXPECT_EQ(hash.find("2468"), std::string::npos);
    EXPECT_TRUE(verify_pin(hash, "2468"));
    EXPECT_FALSE(verify_pin(hash, "2469"));
    EXPECT_FALSE(verify_pin(hash, ""));
    EXPECT_NE(hash_pin("2468"), hash);  // salted
    EXPECT_FALSE(verify_pin("not a hash", "2468"));
}

TEST(LibrarianPin, StoredInTheLibrarySettings) {
    testing::TempDir dir;
    auto db = core::open_database(dir.path() / "kitap.db");
    core::SettingStore settings(db);
    EXPECT_FALSE(stored_pin_hash(settings));
    EXPECT_EQ(store_pin(settings, "12"), PinFormat::too_short);
    EXPECT_FALSE(stored_pin_hash(settings));
    EXPECT_EQ(store_pin(settings, "97531"), PinFormat::ok);
    const auto hash = stored_pin_hash(settings);
    ASSERT_TRUE(hash);
    EXPECT_TRUE(verify_pin(*hash, "97531"));
}

class PinGuardTest : public ::testing::Test {
protected:
    std::optional<std::string> hash = hash_pin("1357");
    PinGuard guard;
    PinGuard::Clock::time_point t0 = PinGuard::Clock::now();
};

TEST_F(PinGuardTest, RightPinIsAccepted) { EXPECT_EQ(guard.attempt("1357", hash, t0).verdict, Verdict::accepted); }

TEST_F(PinGuardTest, FiveWrongTriesLockForAMinute) {
    for (int left = 4; left >= 1; --left) {
        const auto result = guard.attempt("0000", hash, t0);
        EXPECT_EQ(result.verdict, Verdict::wrong);
        EXPECT_EQ(result.tries_left, left);
    }
    const auto fifth = guard.attempt("0000", hash, t0 + 1s);
    EXPECT_EQ(fifth.verdict, Verdict::locked);
    EXPECT_EQ(fifth.locked_for, 60s);
    // Locked: even the right PIN is not looked at.
    const auto right = guard.attempt("1357", hash, t0 + 31s);
    EXPECT_EQ(right.verdict, Verdict::locked);
    EXPECT_EQ(right.locked_for, 30s);
    EXPECT_EQ(guard.locked_for(t0 + 60s), 1s);
    EXPECT_EQ(guard.locked_for(t0 + 61s), 0s);
    // After the minute: a fresh set of tries, and the right PIN works.
    EXPECT_EQ(guard.attempt("0000", hash, t0 + 62s).tries_left, 4);
    EXPECT_EQ(guard.attempt("1357", hash, t0 + 63s).verdict, Verdict::accepted);
}

TEST_F(PinGuardTest, ARightPinResetsTheCount) {
    for (int i = 0; i < 4; ++i) guard.attempt("0000", hash, t0);
    EXPECT_EQ(guard.attempt("1357", hash, t0).verdict, Verdict::accepted);
    EXPECT_EQ(guard.attempt("0000", hash, t0).tries_left, 4);
}

TEST_F(PinGuardTest, NoPinSetIsSaidSoAndCostsNoTry) {
    EXPECT_EQ(guard.attempt("1357", std::nullopt, t0).verdict, Verdict::no_pin_set);
    EXPECT_EQ(guard.tries_left(), 5);
}

}  // namespace
}  // namespace kitap::kiosk
