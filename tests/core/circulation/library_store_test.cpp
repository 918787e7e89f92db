#include "core/circulation/library_store.hpp"

#include "tests/support/school.hpp"

#include <SQLiteCpp/Transaction.h>

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using namespace std::chrono;
using testing::TestSchool;

constexpr Date september_2{year{2026} / 9 / 2};
const Timestamp at_nine = sys_days{september_2} + hours{9};

Date in_days(int n) { return Date{sys_days{september_2} + days{n}}; }

class LibraryStoreTest : public ::testing::Test, protected TestSchool {
protected:
    void SetUp() override {
        class_id_ = add_class("2026-2027", 5, "Ә");
        pupil_ = add_pupil("20000014", class_id_);
        novel_ = add_title(isbn(1), "fiction", 0, 150000);
        copy_ = add_copy("10000016", novel_);
        textbook_ = add_title(isbn(2), "textbook", 30, 250000);
    }

    OpenLoan lend_now(RowId title, std::optional<RowId> copy, int quantity, Date due) {
        const auto id = store_.insert_loan({.reader_id = pupil_,
                                            .title_id = title,
                                            .copy_id = copy,
                                            .quantity = quantity,
                                            .at = at_nine,
                                            .due = due,
                                            .station = "desk"});
        return OpenLoan{id, pupil_, "20000014", quantity};
    }

    LibraryStore store_{db()};
    RowId class_id_ = 0, pupil_ = 0, novel_ = 0, copy_ = 0, textbook_ = 0;
};

TEST_F(LibraryStoreTest, FindsAReaderByCardWithClassAndCategory) {
    const auto reader = store_.reader_by_card("20000014");
    ASSERT_TRUE(reader);
    EXPECT_EQ(reader->id, pupil_);
    EXPECT_EQ(reader->name, "Pupil 20000014");
    EXPECT_EQ(reader->category, ReaderCategory::pupil);
    EXPECT_EQ(reader->class_name, "5Ә");
    EXPECT_TRUE(reader->active);
}

TEST_F(LibraryStoreTest, AReaderWithoutClassHasNoClassNameAndALeftReaderIsInactive) {
    add_reader("30000011", "Teacher", ReaderCategory::teacher);
    add_pupil("20000022", class_id_, "left");
    EXPECT_EQ(store_.reader_by_card("30000011")->class_name, "");
    EXPECT_EQ(store_.reader_by_card("30000011")->category, ReaderCategory::teacher);
    EXPECT_FALSE(store_.reader_by_card("20000022")->active);
    EXPECT_EQ(store_.reader_by_card("99999999"), std::nullopt);
    EXPECT_EQ(store_.reader_by_card(""), std::nullopt);
}

TEST_F(LibraryStoreTest, FindsACopyWithItsTitleAndStatus) {
    add_copy("10000024", novel_, "", "lost");
    const auto copy = store_.copy_by_barcode("10000016");
    ASSERT_TRUE(copy);
    EXPECT_EQ(copy->id, copy_);
    EXPECT_EQ(copy->status, CopyStatus::in_fund);
    EXPECT_EQ(copy->title.id, novel_);
    EXPECT_EQ(copy->title.kind, TitleKind::fiction);
    EXPECT_EQ(copy->title.price_tiyn, 150000);
    EXPECT_EQ(copy->title.item_copies, 2);
    EXPECT_EQ(store_.copy_by_barcode("10000024")->status, CopyStatus::lost);
    EXPECT_EQ(store_.copy_by_barcode("1000001"), std::nullopt);  // a prefix is not the barcode
}

TEST_F(LibraryStoreTest, FindsATitleByNormalisedIsbnOnly) {
    const auto title = store_.title_by_isbn(isbn(2));
    ASSERT_TRUE(title);
    EXPECT_EQ(title->id, textbook_);
    EXPECT_EQ(title->kind, TitleKind::textbook);
    EXPECT_EQ(title->stock, 30);
    EXPECT_EQ(store_.title_by_isbn(isbn(3)), std::nullopt);
}

TEST_F(LibraryStoreTest, ACopyOnLoanHasOneOpenLoanUntilReturned) {
    EXPECT_EQ(store_.open_loan_of_copy(copy_), std::nullopt);
    const auto loan = lend_now(novel_, copy_, 1, in_days(14));
    const auto open = store_.open_loan_of_copy(copy_);
    ASSERT_TRUE(open);
    EXPECT_EQ(open->id, loan.id);
    EXPECT_EQ(open->reader_card, "20000014");
    store_.return_loan(*open, 1, at_nine + hours{1}, Condition::good);
    EXPECT_EQ(store_.open_loan_of_copy(copy_), std::nullopt);
    EXPECT_EQ(text("SELECT condition FROM loan"), "good");
}

TEST_F(LibraryStoreTest, TitleLoansAreCountedAndTheEarliestDueComesFirst) {
    lend_now(textbook_, std::nullopt, 2, in_days(200));
    const auto earlier = lend_now(textbook_, std::nullopt, 1, in_days(100));
    EXPECT_EQ(store_.title_quantity_on_loan(textbook_), 3);
    EXPECT_EQ(store_.title_quantity_on_loan(novel_), 0);
    EXPECT_EQ(store_.open_title_loan(pupil_, textbook_)->id, earlier.id);
    EXPECT_EQ(store_.open_title_loan(pupil_, novel_), std::nullopt);
}

TEST_F(LibraryStoreTest, APartReturnSplitsOffAReturnedRowAndKeepsTheRestOpen) {
    const auto loan = lend_now(textbook_, std::nullopt, 3, in_days(200));
    store_.return_loan(loan, 2, at_nine + hours{2}, Condition::worn);
    EXPECT_EQ(store_.title_quantity_on_loan(textbook_), 1);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NOT NULL AND quantity = 2 AND condition = 'worn'"),
              1);
    // Returning more than is open closes the loan: nothing goes negative.
    store_.return_loan(*store_.open_title_loan(pupil_, textbook_), 5, at_nine + hours{3});
    EXPECT_EQ(store_.title_quantity_on_loan(textbook_), 0);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE condition IS NULL"), 1);  // no condition given
}

TEST_F(LibraryStoreTest, MainFundLoansLeaveOutTextbooks) {
    lend_now(textbook_, std::nullopt, 2, in_days(200));
    EXPECT_EQ(store_.open_main_fund_loans(pupil_), 0);
    lend_now(novel_, copy_, 1, in_days(14));
    EXPECT_EQ(store_.open_main_fund_loans(pupil_), 1);
}

TEST_F(LibraryStoreTest, HeldItemsAreOrderedByDueAndOverdueOnesAreThoseDueBeforeToday) {
    lend_now(textbook_, std::nullopt, 2, in_days(200));
    lend_now(novel_, copy_, 1, in_days(14));
    const auto held = store_.held_items(pupil_);
    ASSERT_EQ(held.size(), 2u);
    EXPECT_EQ(held[0].code, "10000016");
    EXPECT_EQ(held[0].due, in_days(14));
    EXPECT_EQ(held[1].code, isbn(2));  // title-level stock is named by its ISBN
    EXPECT_EQ(held[1].quantity, 2);
    EXPECT_EQ(held[1].kind, TitleKind::textbook);
    EXPECT_TRUE(store_.overdue_items(pupil_, in_days(14)).empty());  // due today is not late
    const auto late = store_.overdue_items(pupil_, in_days(15));
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].code, "10000016");
}

TEST_F(LibraryStoreTest, CompensationsAreOpenUntilSettled) {
    const auto title = *store_.title_by_isbn(isbn(1));
    store_.insert_compensation(pupil_, title, copy_, 1, Condition::lost, at_nine);
    const auto owed = store_.open_compensations(pupil_);
    ASSERT_EQ(owed.size(), 1u);
    EXPECT_EQ(owed[0].code, "10000016");
    EXPECT_EQ(owed[0].condition, Condition::lost);
    EXPECT_EQ(owed[0].amount_tiyn, 150000);
    db().exec("UPDATE compensation SET settled_at = '2026-09-03T09:00:00Z', settlement = 'paid'");
    EXPECT_TRUE(store_.open_compensations(pupil_).empty());
}

TEST_F(LibraryStoreTest, CopyStatusAndTitleStockChangeButStockNeverGoesBelowZero) {
    store_.set_copy_status(copy_, CopyStatus::written_off);
    EXPECT_EQ(store_.copy_by_barcode("10000016")->status, CopyStatus::written_off);
    store_.remove_title_stock(textbook_, 10);
    EXPECT_EQ(store_.title_by_isbn(isbn(2))->stock, 20);
    store_.remove_title_stock(textbook_, 50);
    EXPECT_EQ(store_.title_by_isbn(isbn(2))->stock, 0);
}

TEST_F(LibraryStoreTest, AVisitCountsOncePerReaderAndDay) {
    EXPECT_TRUE(store_.record_visit(pupil_, september_2, "kiosk"));
    EXPECT_FALSE(store_.record_visit(pupil_, september_2, "desk"));
    EXPECT_TRUE(store_.record_visit(pupil_, in_days(1), "kiosk"));
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 2);
}

TEST_F(LibraryStoreTest, EventsAreAppendedInsideAndOutsideATransaction) {
    store_.log_event({.at = at_nine, .station = "desk", .actor = {ActorRole::librarian}, .action = "loan"});
    {
        SQLite::Transaction transaction(db());
        store_.log_event({.at = at_nine, .station = "desk", .actor = {ActorRole::librarian}, .action = "return"});
    }  // rolled back
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action IN ('loan', 'return')"), 1);
}

TEST(ConditionNames, ReadBothWays) {
    for (const auto condition : {Condition::good, Condition::worn, Condition::damaged, Condition::lost})
        EXPECT_EQ(condition_from(to_string(condition)), condition);
    EXPECT_EQ(condition_from("broken"), std::nullopt);
}

}  // namespace
}  // namespace kitap::core
