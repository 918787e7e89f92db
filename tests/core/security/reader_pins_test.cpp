#include "core/security/reader_pins.hpp"

#include "core/security/secret_hash.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr const char* stored_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";  // the digits do not matter here

class ReaderPinsTest : public ::testing::Test {
protected:
    void SetUp() override {
        temp_.db().exec(
            "INSERT INTO reader (id, card, full_name, category) VALUES (1, '34567895', 'Иванова Мария', 'teacher')");
    }

    int events(const std::string& action) {
        return temp_.db()
            .execAndGet("SELECT count(*) FROM event WHERE action = '" + action + "' AND actor_role = 'librarian'")
            .getInt();
    }

    testing::TempDatabase temp_;
    ReaderPins pins_{temp_.db()};
    LibraryStore store_{temp_.db()};
    Timestamp now_ = sys_days{2026y / November / 25} + 10h;
};

TEST(ReaderPinFormat, FourToEightDigits) {
    for (const char* pin : {"0000", "12345678", "4071"}) EXPECT_TRUE(is_reader_pin_format(pin)) << pin;
    for (const char* pin : {"", "123", "123456789", "12a4", "12 34", "١٢٣٤"})
        EXPECT_FALSE(is_reader_pin_format(pin)) << pin;
}

TEST_F(ReaderPinsTest, FiveWrongPinsLockTheCardEachLockTwiceAsLong) {
    pins_.set(1, stored_hash, now_);
    for (int i = 1; i < 5; ++i) {
        const auto wrong = pins_.wrong(1, now_);
        EXPECT_EQ(wrong.tries_left, 5 - i);
        EXPECT_FALSE(wrong.locked_until);
    }
    auto locked = pins_.wrong(1, now_);
    ASSERT_TRUE(locked.locked_until);
    EXPECT_EQ(*locked.locked_until, now_ + 15min);
    EXPECT_EQ(pins_.find(1)->locked_until, now_ + 15min);

    now_ += 16min;  // the lock is over: five more tries, then a lock twice as long
    for (int i = 1; i < 5; ++i) EXPECT_FALSE(pins_.wrong(1, now_).locked_until);
    EXPECT_EQ(pins_.wrong(1, now_).locked_until, now_ + 30min);

    pins_.accepted(1);  // the right PIN: the count and the lock length start again
    EXPECT_EQ(pins_.find(1)->wrong_tries, 0);
    EXPECT_FALSE(pins_.find(1)->locked_until);
    for (int i = 1; i < 5; ++i) pins_.wrong(1, now_);
    EXPECT_EQ(pins_.wrong(1, now_).locked_until, now_ + 15min);
}

TEST_F(ReaderPinsTest, LocksGrowNoLongerThanADay) {
    pins_.set(1, stored_hash, now_);
    std::optional<Timestamp> until;
    for (int lock = 0; lock < 10; ++lock)
        for (int i = 0; i < 5; ++i) until = pins_.wrong(1, now_).locked_until;
    EXPECT_EQ(until, now_ + 24h);
}

TEST_F(ReaderPinsTest, SetAndClearByCardAreTheLibrariansAuditedActions) {
    EXPECT_EQ(set_reader_pin(store_, "34567895", "123", now_, "cli"), ReaderPinChange::bad_format);
    EXPECT_EQ(set_reader_pin(store_, "99999999", "4071", now_, "cli"), ReaderPinChange::unknown_card);
    EXPECT_EQ(clear_reader_pin(store_, "34567895", now_, "cli"), ReaderPinChange::no_pin_set);
    EXPECT_FALSE(pins_.find(1));

    ASSERT_EQ(set_reader_pin(store_, "34567895", "4071", now_, "cli"), ReaderPinChange::done);
    const auto pin = pins_.find(1);
    ASSERT_TRUE(pin);
    EXPECT_TRUE(verify_secret(pin->hash, "4071"));
    EXPECT_EQ(events("reader_pin_set"), 1);

    for (int i = 0; i < 5; ++i) pins_.wrong(1, now_);
    ASSERT_TRUE(pins_.find(1)->locked_until);
    ASSERT_EQ(set_reader_pin(store_, "34567895", "9182", now_, "cli"), ReaderPinChange::done);
    EXPECT_FALSE(pins_.find(1)->locked_until) << "a new PIN from the librarian unlocks the card";

    EXPECT_EQ(clear_reader_pin(store_, "34567895", now_, "cli"), ReaderPinChange::done);
    EXPECT_FALSE(pins_.find(1));
    EXPECT_EQ(events("reader_pin_cleared"), 1);
}

}  // namespace
}  // namespace kitap::core
