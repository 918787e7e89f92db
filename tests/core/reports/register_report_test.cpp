#include "core/reports/register_report.hpp"

#include "core/circulation/returns.hpp"
#include "core/fund/library_fixture.hpp"
#include "core/fund/receipts.hpp"
#include "core/fund/writeoffs.hpp"

namespace kitap::core {
namespace {

using namespace std::chrono;

// A textbook title of 100 and a novel of 2 labelled copies on the books before
// 2023-2024; in that year 50 textbooks arrive at 1500 tenge and a third novel at
// 2000, 20 textbooks are written off worn, a novel damaged, and a pupil loses a
// textbook; in 2024-2025 ten more textbooks arrive at 1600.
class Register : public testing::LibraryFixture {
protected:
    void SetUp() override {
        add_title(isbn(1), "textbook", 100, 100000);
        const RowId novel = add_title(isbn(2), "fiction", 0, 180000);
        add_copy("10000017", novel);
        add_copy("10000025", novel);
        receive_on({2023y, October, 1d}, {.isbn = isbn(1), .count = 50, .price_tiyn = 150000});
        receive_on({2024y, March, 1d}, {.isbn = isbn(2), .barcodes = {"10000033"}, .price_tiyn = 200000});
        write_off_on({2024y, February, 1d}, {.reason = WriteoffReason::worn, .isbn = isbn(1), .count = 20});
        write_off_on({2024y, April, 1d}, {.reason = WriteoffReason::damaged, .barcodes = {"10000017"}});
        lose_one_of_two_textbooks({2024y, May, 20d});
        receive_on({2024y, September, 10d}, {.isbn = isbn(1), .count = 10, .price_tiyn = 160000});
    }

    void receive_on(Date day, ReceiptRequest request) {
        request.date = day;
        ASSERT_TRUE(receive(db(), request, on(day)));
    }

    void write_off_on(Date day, const WriteoffRequest& request) {
        LibraryStore store(db());
        Holds holds(store, 5);
        ASSERT_TRUE(write_off(db(), holds, request, on(day)));
    }

    void lose_one_of_two_textbooks(Date day) {
        const RowId pupil = add_pupil("20000014", add_class("2023-2024", 5, "Ә"));
        LibraryStore store(db());
        Holds holds(store, 5);
        const auto title = store.title_by_isbn(isbn(1));
        const RowId loan = lend(pupil, title->id, 2);
        take_back(store, holds,
                  {.loan = {loan, pupil, "20000014", 2}, .title = *title, .quantity = 1, .condition = Condition::lost},
                  noon(day), "desk", {ActorRole::librarian});
    }
};

TEST_F(Register, TheYearsMovementBetweenItsFunds) {
    const auto report = register_report(db(), "2023-2024");
    ASSERT_TRUE(report);
    EXPECT_EQ(report->first_day, "2023-09-01");
    EXPECT_EQ(report->last_day, "2024-08-31");

    const auto& textbooks = report->textbooks;
    EXPECT_EQ(textbooks.fund_start, 100);
    EXPECT_EQ(textbooks.received.copies, 50);
    EXPECT_EQ(textbooks.received.sum_tiyn, 50 * 150000);
    EXPECT_EQ(textbooks.written_off.copies, 21);
    EXPECT_EQ(textbooks.written_off.sum_tiyn, 20 * 150000 + 160000);
    EXPECT_EQ(textbooks.written_off_by_reason.at(WriteoffReason::worn).copies, 20);
    EXPECT_EQ(textbooks.written_off_by_reason.at(WriteoffReason::worn).sum_tiyn, 20 * 150000);
    EXPECT_EQ(textbooks.written_off_by_reason.at(WriteoffReason::lost).copies, 0);
    EXPECT_EQ(textbooks.lost_on_return.copies, 1);
    EXPECT_EQ(textbooks.lost_on_return.sum_tiyn, 160000);  // at the title's price today
    EXPECT_EQ(textbooks.fund_end, 129);

    const auto& other = report->other;
    EXPECT_EQ(other.fund_start, 2);
    EXPECT_EQ(other.received.copies, 1);
    EXPECT_EQ(other.received.sum_tiyn, 200000);
    EXPECT_EQ(other.written_off_by_reason.at(WriteoffReason::damaged).sum_tiyn, 200000);
    EXPECT_EQ(other.fund_end, 2);

    EXPECT_EQ(report->total.fund_start, 102);
    EXPECT_EQ(report->total.received.sum_tiyn, 50 * 150000 + 200000);
    EXPECT_EQ(report->total.written_off.copies, 22);
    EXPECT_EQ(report->total.lost_on_return.copies, 1);
    EXPECT_EQ(report->total.fund_end, 131);
}

TEST_F(Register, TheNextYearStartsWhereItEnded) {
    const auto report = register_report(db(), "2024-2025");
    ASSERT_TRUE(report);
    EXPECT_EQ(report->textbooks.fund_start, 129);
    EXPECT_EQ(report->textbooks.received.copies, 10);
    EXPECT_EQ(report->textbooks.fund_end, 139);
    EXPECT_EQ(report->total.written_off.copies, 0);
}

TEST_F(Register, AMalformedYearIsBadInput) {
    const auto report = register_report(db(), "2023-2025");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().kind, RefusalKind::bad_input);
}

}  // namespace
}  // namespace kitap::core
