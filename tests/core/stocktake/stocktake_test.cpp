#include "core/stocktake/stocktake.hpp"

#include "core/fund/library_fixture.hpp"

namespace kitap::core {
namespace {

using namespace std::chrono;

constexpr Date today{2024y, March, 12d};

// Shelf A: 10000017, 10000025 (missing), 10000041 (on loan), 10000058 (written
// off); shelf B: 10000033. A textbook of 10 with 3 out.
class Stocktakes : public testing::LibraryFixture {
protected:
    void SetUp() override {
        const RowId novel = add_title(isbn(1), "fiction", 0);
        add_copy("10000017", novel, "A");
        add_copy("10000025", novel, "A");
        add_copy("10000033", novel, "B");
        const RowId lent = add_copy("10000041", novel, "A");
        add_copy("10000058", novel, "A", "written_off");
        textbook_ = add_title(isbn(2), "textbook", 10);
        const RowId pupil = add_pupil("20000014", add_class("2023-2024", 5, "Ә"));
        lend(pupil, novel, 1, lent);
        lend(pupil, textbook_, 3);
    }

    StocktakeScanResult scan(const std::string& code) {
        return record_stocktake_scan(db(), code, noon(today), "desk-1");
    }

    void start(const std::string& scope) { ASSERT_TRUE(start_stocktake(db(), scope, on(today))); }

    RowId textbook_ = 0;
};

TEST_F(Stocktakes, EachScanSaysWhatTheCodeIs) {
    start("all");
    const auto first = scan("10000017");
    EXPECT_EQ(first.finding, StocktakeFinding::expected);
    EXPECT_EQ(first.title, "Title " + isbn(1));
    EXPECT_FALSE(first.repeated);
    EXPECT_TRUE(scan("10000017").repeated);
    const auto lent = scan("10000041");
    EXPECT_EQ(lent.finding, StocktakeFinding::unexpected);
    EXPECT_EQ(lent.reason, UnexpectedReason::on_loan);
    EXPECT_EQ(scan("10000058").reason, UnexpectedReason::written_off);
    EXPECT_EQ(scan("NO-SUCH-CODE").finding, StocktakeFinding::unknown);
    const auto counted = scan(isbn(2));
    EXPECT_EQ(counted.finding, StocktakeFinding::counted);
    EXPECT_EQ(counted.counted, 1);
    EXPECT_EQ(scan(isbn(2)).counted, 2);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'stocktake_scan' AND station = 'desk-1'"), 7);
}

TEST_F(Stocktakes, StatusCountsScansAndCopiesFound) {
    EXPECT_FALSE(stocktake_status(db()));
    start("shelf:A");
    for (const char* code : {"10000017", "10000017", "10000041", "NO-SUCH-CODE"}) scan(code);
    scan(isbn(2));
    const auto status = stocktake_status(db());
    ASSERT_TRUE(status);
    EXPECT_EQ(status->scope, "shelf:A");
    EXPECT_EQ(status->scans, 5);
    EXPECT_EQ(status->copies_found, 2);  // a repeat and a code that is no copy do not count
}

TEST_F(Stocktakes, MissingAndUnexpectedAfterARestart) {
    start("all");
    for (const char* code : {"10000017", "10000017", "10000041", "10000058", "NO-SUCH-CODE"}) scan(code);
    for (int i = 0; i < 5; ++i) scan(isbn(2));

    auto reopened = open_database(path());  // the station restarted
    const auto report = finish_stocktake(reopened, on(today));
    ASSERT_TRUE(report);
    EXPECT_EQ(report->scope, "all");
    EXPECT_EQ(report->scans, 10);
    EXPECT_EQ(report->found_copies, 1);
    EXPECT_EQ(report->expected_copies, 3);
    ASSERT_EQ(report->missing.size(), 2u);
    EXPECT_EQ(report->missing[0].code, "10000025");
    EXPECT_EQ(report->missing[0].shelf, "A");
    EXPECT_EQ(report->missing[1].code, "10000033");
    ASSERT_EQ(report->unexpected.size(), 3u);
    EXPECT_EQ(report->unexpected[0].code, "10000041");
    EXPECT_EQ(report->unexpected[0].reason, UnexpectedReason::on_loan);
    EXPECT_EQ(report->unexpected[1].reason, UnexpectedReason::written_off);
    EXPECT_EQ(report->unexpected[2].code, "NO-SUCH-CODE");
    EXPECT_EQ(report->unexpected[2].reason, UnexpectedReason::unknown);
    ASSERT_EQ(report->titles.size(), 1u);
    EXPECT_EQ(report->titles[0].isbn, isbn(2));
    EXPECT_EQ(report->titles[0].expected, 7);
    EXPECT_EQ(report->titles[0].counted, 5);
    EXPECT_EQ(count("SELECT count(*) FROM stocktake WHERE finished_at IS NOT NULL"), 1);
}

TEST_F(Stocktakes, AShelfScopeLeavesOtherShelvesAndTitleStockOut) {
    start("shelf:A");
    EXPECT_EQ(scan("10000033").reason, UnexpectedReason::outside_scope);
    EXPECT_EQ(scan(isbn(2)).reason, UnexpectedReason::outside_scope);
    scan("10000025");
    const auto report = finish_stocktake(db(), on(today));
    ASSERT_TRUE(report);
    ASSERT_EQ(report->missing.size(), 1u);
    EXPECT_EQ(report->missing[0].code, "10000017");
    ASSERT_EQ(report->unexpected.size(), 2u);
    EXPECT_EQ(report->unexpected[0].code, "10000033");
    EXPECT_EQ(report->unexpected[1].code, isbn(2));
    EXPECT_TRUE(report->titles.empty());
}

TEST_F(Stocktakes, AKindScopeCountsItsTitlesOnly) {
    start("kind:textbook");
    EXPECT_EQ(scan("10000017").reason, UnexpectedReason::outside_scope);
    EXPECT_EQ(scan(isbn(2)).finding, StocktakeFinding::counted);
    const auto report = finish_stocktake(db(), on(today));
    EXPECT_TRUE(report->missing.empty());
    ASSERT_EQ(report->titles.size(), 1u);
    EXPECT_EQ(report->titles[0].counted, 1);
}

TEST_F(Stocktakes, OneAtATime) {
    start("all");
    const auto second = start_stocktake(db(), "shelf:B", on(today));
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().kind, RefusalKind::rule);
    EXPECT_EQ(second.error().key, "stocktake.error.already_open");
    ASSERT_TRUE(finish_stocktake(db(), on(today)));
    EXPECT_EQ(finish_stocktake(db(), on(today)).error().key, "stocktake.error.none_open");
    EXPECT_EQ(scan("10000017").finding, StocktakeFinding::no_stocktake);
    EXPECT_EQ(count("SELECT count(*) FROM stocktake_scan"), 0);
    EXPECT_TRUE(start_stocktake(db(), "shelf:B", on(today)));
}

TEST_F(Stocktakes, ScopesByName) {
    EXPECT_EQ(start_stocktake(db(), "shelf:", on(today)).error().kind, RefusalKind::bad_input);
    EXPECT_FALSE(parse_stocktake_scope("kind:comics"));
    EXPECT_FALSE(parse_stocktake_scope("everything"));
    for (const char* scope : {"all", "kind:textbook", "shelf:Абай A-3"})
        EXPECT_EQ(to_string(*parse_stocktake_scope(scope)), scope);
}

}  // namespace
}  // namespace kitap::core
