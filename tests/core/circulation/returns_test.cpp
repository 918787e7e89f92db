#include "core/circulation/returns.hpp"

#include "tests/support/school.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using namespace std::chrono;
using testing::TestSchool;

const Timestamp now = sys_days{year{2027} / 5 / 25} + hours{10};
const EventActor librarian{ActorRole::librarian};

class ReturnsTest : public ::testing::Test, protected TestSchool {
protected:
    void SetUp() override {
        pupil_ = add_pupil("20000014", add_class("2026-2027", 5, "Ә"));
        novel_ = add_title(isbn(1), "fiction", 0, 150000);
        copy_ = add_copy("10000016", novel_);
        textbook_ = add_title(isbn(2), "textbook", 30, 250000);
    }

    ItemToTakeBack copy_on_loan(Condition condition) {
        lend(pupil_, novel_, 1, copy_);
        return {*store_.open_loan_of_copy(copy_), *store_.title_by_isbn(isbn(1)), copy_, 1, condition};
    }
    ItemToTakeBack textbooks_on_loan(int lent, int returned, Condition condition) {
        lend(pupil_, textbook_, lent);
        return {*store_.open_title_loan(pupil_, textbook_), *store_.title_by_isbn(isbn(2)), std::nullopt, returned,
                condition};
    }

    LibraryStore store_{db()};
    Holds holds_{store_, 5};
    RowId pupil_ = 0, novel_ = 0, copy_ = 0, textbook_ = 0;
};

TEST_F(ReturnsTest, AGoodCopyComesBackWithNothingOwed) {
    const auto taken = take_back(store_, holds_, copy_on_loan(Condition::good), now, "desk", librarian);
    EXPECT_EQ(taken.quantity, 1);
    EXPECT_EQ(taken.condition, Condition::good);
    EXPECT_EQ(taken.compensation_tiyn, std::nullopt);
    EXPECT_EQ(store_.open_loan_of_copy(copy_), std::nullopt);
    EXPECT_EQ(store_.copy_by_barcode("10000016")->status, CopyStatus::in_fund);
    EXPECT_TRUE(store_.open_compensations(pupil_).empty());
    EXPECT_EQ(text("SELECT detail FROM event WHERE action = 'return'"), "good");
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'compensation_due'"), 0);
}

TEST_F(ReturnsTest, AWornCopyIsNotedButOwesNothing) {
    const auto taken = take_back(store_, holds_, copy_on_loan(Condition::worn), now, "desk", librarian);
    EXPECT_EQ(taken.compensation_tiyn, std::nullopt);
    EXPECT_EQ(text("SELECT condition FROM loan"), "worn");
    EXPECT_TRUE(store_.open_compensations(pupil_).empty());
}

TEST_F(ReturnsTest, ADamagedCopyStaysInTheFundAndIsOwedAtItsPrice) {
    const auto taken = take_back(store_, holds_, copy_on_loan(Condition::damaged), now, "desk", librarian);
    EXPECT_EQ(taken.compensation_tiyn, 150000);
    EXPECT_EQ(store_.copy_by_barcode("10000016")->status, CopyStatus::in_fund);
    const auto owed = store_.open_compensations(pupil_);
    ASSERT_EQ(owed.size(), 1u);
    EXPECT_EQ(owed[0].condition, Condition::damaged);
    EXPECT_EQ(owed[0].amount_tiyn, 150000);
    EXPECT_EQ(text("SELECT detail FROM event WHERE action = 'compensation_due'"), "damaged");
}

TEST_F(ReturnsTest, ALostCopyLeavesTheFund) {
    const auto taken = take_back(store_, holds_, copy_on_loan(Condition::lost), now, "desk", librarian);
    EXPECT_EQ(taken.compensation_tiyn, 150000);
    EXPECT_EQ(store_.copy_by_barcode("10000016")->status, CopyStatus::lost);
    EXPECT_EQ(store_.title_by_isbn(isbn(1))->stock, 0);
}

TEST_F(ReturnsTest, LostTextbooksShrinkTheTitleStockAndAreOwedPerBook) {
    const auto taken = take_back(store_, holds_, textbooks_on_loan(3, 2, Condition::lost), now, "year-end", librarian);
    EXPECT_EQ(taken.quantity, 2);
    EXPECT_EQ(taken.compensation_tiyn, 2 * 250000);
    EXPECT_EQ(store_.title_by_isbn(isbn(2))->stock, 28);
    EXPECT_EQ(store_.title_quantity_on_loan(textbook_), 1);  // one still held
    EXPECT_EQ(store_.open_compensations(pupil_).at(0).quantity, 2);
}

TEST_F(ReturnsTest, NoMoreComesBackThanWasLent) {
    const auto taken = take_back(store_, holds_, textbooks_on_loan(2, 5, Condition::lost), now, "desk", librarian);
    EXPECT_EQ(taken.quantity, 2);
    EXPECT_EQ(taken.compensation_tiyn, 2 * 250000);
    EXPECT_EQ(store_.title_by_isbn(isbn(2))->stock, 28);
    EXPECT_EQ(store_.title_quantity_on_loan(textbook_), 0);
}

TEST_F(ReturnsTest, TheEventsNameTheStationTheActorAndTheItem) {
    take_back(store_, holds_, copy_on_loan(Condition::lost), now, "kiosk-1", {ActorRole::reader, "20000014"});
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE station = 'kiosk-1' AND actor_role = 'reader' AND "
                    "actor_card = '20000014' AND copy_id = " +
                    std::to_string(copy_) + " AND quantity = 1"),
              2);  // the return and the compensation due
    EXPECT_EQ(text("SELECT group_concat(action, ',') FROM (SELECT action FROM event WHERE station = 'kiosk-1' "
                   "ORDER BY id)"),
              "return,compensation_due");
}

TEST_F(ReturnsTest, AFreeTitleLostOwesNothingButIsStillRecorded) {
    const auto free_title = add_title(isbn(3), "textbook", 5, 0);
    lend(pupil_, free_title, 1);
    const ItemToTakeBack item{*store_.open_title_loan(pupil_, free_title), *store_.title_by_isbn(isbn(3)), std::nullopt,
                              1, Condition::lost};
    const auto taken = take_back(store_, holds_, item, now, "desk", librarian);
    EXPECT_EQ(taken.compensation_tiyn, 0);
    EXPECT_EQ(store_.open_compensations(pupil_).size(), 1u);
}

}  // namespace
}  // namespace kitap::core
