#include "core/fund/receipts.hpp"

#include "core/fund/library_fixture.hpp"

namespace kitap::core {
namespace {

using namespace std::chrono;

constexpr Date today{2024y, August, 20d};

class Receipts : public testing::LibraryFixture {
protected:
    void SetUp() override { textbook_ = add_title(isbn(1), "textbook", 10, 120000); }

    Checked<ReceiptDone> receive_request(ReceiptRequest request) {
        if (request.date == Date{}) request.date = today;
        return receive(db(), request, on(today));
    }

    void expect_nothing_written() {
        EXPECT_EQ(count("SELECT count(*) FROM receipt"), 0);
        EXPECT_EQ(count("SELECT count(*) FROM copy"), 0);
        EXPECT_EQ(count("SELECT stock FROM title"), 10);
        EXPECT_EQ(count("SELECT count(*) FROM event"), 0);
    }

    RowId textbook_ = 0;
};

TEST_F(Receipts, TitleLevelReceiptAddsToTheStock) {
    const auto done =
        receive_request({.isbn = isbn(1), .count = 30, .price_tiyn = 150050, .source = "Атамұра, жөнелтпе №17"});
    ASSERT_TRUE(done) << done.error().key;
    EXPECT_EQ(done->copies, 30);
    EXPECT_EQ(done->sum_tiyn, 30 * 150050);
    EXPECT_EQ(done->isbn, isbn(1));
    EXPECT_EQ(count("SELECT stock FROM title"), 40);
    EXPECT_EQ(text("SELECT received_on || ' ' || quantity || ' ' || price_tiyn || ' ' || source || ' ' || "
                   "coalesce(copy_id, 'title') FROM receipt"),
              "2024-08-20 30 150050 Атамұра, жөнелтпе №17 title");
    EXPECT_EQ(text("SELECT action || ' ' || station || ' ' || actor_role || ' ' || quantity || ' ' || at FROM event"),
              "receipt cli librarian 30 2024-08-20T12:00:00Z");
}

TEST_F(Receipts, LabelledCopiesGetAReceiptRowEach) {
    const auto done = receive_request({.isbn = "978-601-000001-" + isbn(1).substr(12),
                                       .barcodes = {"10000017", "10000025"},
                                       .shelf = "A-3",
                                       .price_tiyn = 200000,
                                       .date = Date{2024y, August, 1d}});
    ASSERT_TRUE(done) << done.error().key;
    EXPECT_EQ(done->copies, 2);
    EXPECT_EQ(done->sum_tiyn, 400000);
    EXPECT_EQ(count("SELECT count(*) FROM copy WHERE shelf = 'A-3' AND status = 'in_fund'"), 2);
    EXPECT_EQ(
        count("SELECT count(*) FROM receipt WHERE copy_id IS NOT NULL AND quantity = 1 AND received_on = '2024-08-01'"),
        2);
    EXPECT_EQ(count("SELECT stock FROM title"), 10);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'receipt' AND copy_id IS NOT NULL"), 2);
}

TEST_F(Receipts, AnUncataloguedIsbnIsBadInputAndNamed) {
    const auto done = receive_request({.isbn = isbn(2), .count = 5});
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().kind, RefusalKind::bad_input);
    EXPECT_EQ(done.error().key, "fund.error.unknown_isbn");
    EXPECT_EQ(done.error().args.at("isbn"), isbn(2));
    expect_nothing_written();
}

TEST_F(Receipts, AMistypedIsbnIsBadInput) {
    const auto done = receive_request({.isbn = "9786010000012", .count = 5});
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().key, "fund.error.invalid_isbn");
    expect_nothing_written();
}

TEST_F(Receipts, ACountOrCopiesButNotBothNorNeither) {
    EXPECT_EQ(receive_request({.isbn = isbn(1), .count = 2, .barcodes = {"10000017"}}).error().key,
              "fund.error.count_or_copies");
    EXPECT_EQ(receive_request({.isbn = isbn(1)}).error().key, "fund.error.count_or_copies");
    EXPECT_EQ(receive_request({.isbn = isbn(1), .barcodes = {"10000017", "10000017"}}).error().key,
              "fund.error.copy_twice");
    expect_nothing_written();
}

TEST_F(Receipts, ACodeAlreadyInUseAddsNoCopyAtAll) {
    add_copy("10000025", textbook_);
    add_pupil("20000014", add_class("2023-2024", 5, "Ә"));
    const auto taken = receive_request({.isbn = isbn(1), .barcodes = {"10000017", "10000025"}});
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().key, "fund.error.copy_exists");
    EXPECT_EQ(taken.error().args.at("title"), "Title " + isbn(1));
    EXPECT_EQ(receive_request({.isbn = isbn(1), .barcodes = {"20000014"}}).error().key, "fund.error.code_is_card");
    EXPECT_EQ(count("SELECT count(*) FROM copy"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM receipt"), 0);
}

TEST_F(Receipts, BooksCannotArriveTomorrow) {
    const auto done = receive_request({.isbn = isbn(1), .count = 1, .date = Date{2024y, August, 21d}});
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().key, "fund.error.future_date");
    expect_nothing_written();
}

}  // namespace
}  // namespace kitap::core
