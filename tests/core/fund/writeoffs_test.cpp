#include "core/fund/writeoffs.hpp"

#include "core/fund/library_fixture.hpp"
#include "core/fund/receipts.hpp"

namespace kitap::core {
namespace {

using namespace std::chrono;

constexpr Date today{2024y, February, 1d};

class Writeoffs : public testing::LibraryFixture {
protected:
    void SetUp() override {
        textbook_ = add_title(isbn(1), "textbook", 40, 100000);
        novel_ = add_title(isbn(2), "fiction", 0, 250000);
        pupil_ = add_pupil("20000014", add_class("2023-2024", 5, "Ә"));
        lend(pupil_, textbook_, 10);
        add_copy("10000017", novel_);
        add_copy("10000025", novel_);
    }

    Checked<WriteoffDone> write_off_at(WriteoffRequest request, Date day = today) {
        return write_off(db(), holds_, request, on(day));
    }

    LibraryStore store_{db()};
    Holds holds_{store_, 5};

    RowId textbook_ = 0;
    RowId novel_ = 0;
    RowId pupil_ = 0;
};

TEST_F(Writeoffs, TitleLevelStockGoesOnANewActNumberedByYear) {
    const auto first = write_off_at({.reason = WriteoffReason::worn, .isbn = isbn(1), .count = 5});
    ASSERT_TRUE(first) << first.error().key;
    EXPECT_TRUE(first->new_act);
    EXPECT_EQ(first->act.number, "2024-001");
    EXPECT_EQ(first->act.date, "2024-02-01");
    EXPECT_EQ(first->copies, 5);
    EXPECT_EQ(first->sum_tiyn, 500000);
    EXPECT_EQ(count("SELECT stock FROM title WHERE id = " + std::to_string(textbook_)), 35);
    const auto second = write_off_at({.reason = WriteoffReason::curriculum, .isbn = isbn(1), .count = 1});
    EXPECT_EQ(second->act.number, "2024-002");
    EXPECT_EQ(
        write_off_at({.reason = WriteoffReason::worn, .isbn = isbn(1), .count = 1}, {2025y, January, 9d})->act.number,
        "2025-001");
}

TEST_F(Writeoffs, PricedAtTheLatestReceipt) {
    ASSERT_TRUE(
        receive(db(), {.isbn = isbn(1), .count = 2, .price_tiyn = 130000, .date = {2023y, September, 1d}}, on(today)));
    ASSERT_TRUE(
        receive(db(), {.isbn = isbn(1), .count = 2, .price_tiyn = 150000, .date = {2023y, December, 1d}}, on(today)));
    const auto done = write_off_at({.reason = WriteoffReason::worn, .isbn = isbn(1), .count = 3});
    EXPECT_EQ(done->sum_tiyn, 3 * 150000);
}

TEST_F(Writeoffs, NeverBelowWhatIsOnLoanAndSaysTheNumbers) {
    const auto refused = write_off_at({.reason = WriteoffReason::worn, .isbn = isbn(1), .count = 31});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RefusalKind::rule);
    EXPECT_EQ(refused.error().key, "fund.error.not_enough_free");
    EXPECT_EQ(refused.error().args.at("stock"), "40");
    EXPECT_EQ(refused.error().args.at("on_loan"), "10");
    EXPECT_EQ(refused.error().args.at("free"), "30");
    EXPECT_EQ(count("SELECT count(*) FROM writeoff_act"), 0);
    EXPECT_EQ(count("SELECT stock FROM title WHERE id = " + std::to_string(textbook_)), 40);
    EXPECT_TRUE(write_off_at({.reason = WriteoffReason::worn, .isbn = isbn(1), .count = 30}));
}

TEST_F(Writeoffs, RowsAppendToANamedActWhoseSumsAddUp) {
    ASSERT_TRUE(write_off_at({.reason = WriteoffReason::damaged, .act = "АКТ-7", .isbn = isbn(1), .count = 2}));
    const auto done =
        write_off_at({.reason = WriteoffReason::damaged, .act = "АКТ-7", .barcodes = {"10000017", "10000025"}});
    ASSERT_TRUE(done) << done.error().key;
    EXPECT_FALSE(done->new_act);
    EXPECT_EQ(done->copies, 2);
    EXPECT_EQ(done->sum_tiyn, 500000);
    EXPECT_EQ(done->act.rows, 3);
    EXPECT_EQ(done->act.copies, 4);
    EXPECT_EQ(done->act.sum_tiyn, 2 * 100000 + 2 * 250000);
    EXPECT_EQ(count("SELECT count(*) FROM copy WHERE status = 'written_off'"), 2);
    EXPECT_EQ(
        count("SELECT count(*) FROM event WHERE action = 'writeoff' AND station = 'cli' AND actor_role = 'librarian'"),
        3);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'writeoff_act'"), 1);

    const auto acts = writeoff_acts(db());
    ASSERT_EQ(acts.size(), 1u);
    EXPECT_EQ(acts[0].number, "АКТ-7");
    EXPECT_EQ(acts[0].reason, WriteoffReason::damaged);
    EXPECT_EQ(acts[0].sum_tiyn, 700000);
}

TEST_F(Writeoffs, ANamedActKeepsItsReason) {
    ASSERT_TRUE(write_off_at({.reason = WriteoffReason::worn, .act = "2024-010", .isbn = isbn(1), .count = 1}));
    const auto refused = write_off_at({.reason = WriteoffReason::lost, .act = "2024-010", .isbn = isbn(1), .count = 1});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RefusalKind::bad_input);
    EXPECT_EQ(refused.error().key, "fund.error.act_reason");
    EXPECT_EQ(refused.error().args.at("act_reason"), "worn");
    EXPECT_EQ(count("SELECT count(*) FROM writeoff_row"), 1);
}

TEST_F(Writeoffs, ACopyOnLoanStaysEvenWhenCalledLost) {
    const RowId copy = db().execAndGet("SELECT id FROM copy WHERE barcode = '10000017'").getInt64();
    lend(pupil_, novel_, 1, copy);
    const auto refused = write_off_at({.reason = WriteoffReason::lost, .barcodes = {"10000025", "10000017"}});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().key, "fund.error.copy_on_loan");
    EXPECT_EQ(refused.error().args.at("card"), "20000014");
    EXPECT_EQ(count("SELECT count(*) FROM copy WHERE status = 'written_off'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM writeoff_act"), 0);
}

TEST_F(Writeoffs, ALostCopyIsWrittenOffOnceAndAnUnknownOneNever) {
    db().exec("UPDATE copy SET status = 'lost' WHERE barcode = '10000017'");
    ASSERT_TRUE(write_off_at({.reason = WriteoffReason::lost, .barcodes = {"10000017"}}));
    const auto twice = write_off_at({.reason = WriteoffReason::lost, .barcodes = {"10000017"}});
    EXPECT_EQ(twice.error().key, "fund.error.already_written_off");
    EXPECT_EQ(twice.error().kind, RefusalKind::rule);
    const auto unknown = write_off_at({.reason = WriteoffReason::lost, .barcodes = {"99999999"}});
    EXPECT_EQ(unknown.error().key, "fund.error.unknown_copy");
    EXPECT_EQ(unknown.error().kind, RefusalKind::bad_input);
}

TEST_F(Writeoffs, ReasonsByName) {
    for (const auto reason : writeoff_reasons) EXPECT_EQ(writeoff_reason_from(to_string(reason)), reason);
    EXPECT_FALSE(writeoff_reason_from("stolen"));
}

}  // namespace
}  // namespace kitap::core
