#include "core/reports/annual_report.hpp"

#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace kitap::core {
namespace {

using namespace std::chrono;

// A scripted school year 2023-2024 (and a little of the years either side) in a
// library five hours east of UTC, so that stored UTC timestamps and local days
// disagree around midnight. Every expected figure is worked out by hand in the tests.
class AnnualReport : public ::testing::Test {
protected:
    void SetUp() override {
        if (const char* tz = std::getenv("TZ")) saved_tz_ = tz;
        setenv("TZ", "<+05>-5", 1);
        tzset();
        auto& db = temp_.db();
        db.exec(R"(INSERT INTO school_class (id, grade, letter, language, school_year) VALUES
            (1, 1, 'А', 'kk', '2023-2024'), (2, 5, 'Ә', 'kk', '2023-2024'), (3, 11, 'Б', 'ru', '2023-2024'),
            (4, 10, 'А', 'kk', '2024-2025'), (5, 5, 'А', 'kk', '2024-2025'))");
        // 4 and 5 were promoted after 2023-2024: 9th and 4th graders that year. 3 graduated.
        db.exec(R"(INSERT INTO reader (id, card, full_name, category, class_id, status) VALUES
            (1, '20000014', 'Әбенова Аружан', 'pupil', 1, 'active'),
            (2, '20000022', 'Нұрланұлы Ерасыл', 'pupil', 2, 'active'),
            (3, '20000030', 'Серікова Дана', 'pupil', 3, 'left'),
            (4, '20000048', 'Қасымов Ұлан', 'pupil', 4, 'active'),
            (5, '20000055', 'Өмірзақова Іңкәр', 'pupil', 5, 'active'),
            (6, '20000063', 'Жұмабаева Гүлнар', 'teacher', NULL, 'active'),
            (7, '20000071', 'Бекова Шолпан', 'staff', NULL, 'active'),
            (8, '20000089', 'Иванов Пётр', 'other', NULL, 'active'),
            (9, '20000097', 'Һадиша Ахметова', 'pupil', 1, 'active'),
            (10, '20000105', 'Ғалым Серіков', 'pupil', 2, 'active'))");
        db.exec(R"(INSERT INTO title (id, title, isbn, kind, stock, price_tiyn) VALUES
            (1, 'Математика. 5-сынып', '9786010000001', 'textbook', 100, 100000),
            (2, 'Абай жолы', NULL, 'fiction', 0, 50000))");
        db.exec(R"(INSERT INTO copy (id, barcode, title_id, status) VALUES
            (1, '10000017', 2, 'in_fund'), (2, '10000025', 2, 'in_fund'), (3, '10000033', 2, 'written_off'),
            (4, '10000041', 2, 'lost'), (5, '10000058', 2, 'in_fund'))");
        script_visits();
        script_loans();
        script_fund_movement();
        script_stocktakes();
    }

    void TearDown() override {
        if (saved_tz_)
            setenv("TZ", saved_tz_->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }

    void script_visits() {
        temp_.db().exec(R"(INSERT INTO visit (reader_id, day) VALUES
            (1, '2023-09-01'), (1, '2023-09-02'), (2, '2024-08-31'), (6, '2024-01-10'), (7, '2024-02-02'),
            (9, '2023-08-31'), (10, '2023-05-05'), (1, '2024-09-01'))");
    }

    void script_loans() {
        temp_.db().exec(
            R"(INSERT INTO loan (reader_id, title_id, copy_id, quantity, loaned_at, due, returned_at, condition) VALUES
            (3, 1, NULL, 3, '2023-08-31T19:30:00Z', '2024-05-31', NULL, NULL),
            (4, 2, 1, 1, '2023-10-10T05:00:00Z', '2023-10-24', '2023-10-20T05:00:00Z', 'good'),
            (5, 1, NULL, 1, '2024-03-01T06:00:00Z', '2024-05-31', NULL, NULL),
            (5, 1, NULL, 1, '2024-03-01T06:00:00Z', '2024-05-31', '2024-05-20T04:00:00Z', 'lost'),
            (8, 2, 2, 1, '2024-08-31T18:59:59Z', '2024-09-14', '2024-09-10T05:00:00Z', 'good'),
            (1, 2, 1, 1, '2024-08-31T19:00:00Z', '2024-09-14', NULL, NULL),
            (10, 2, 2, 1, '2023-02-01T05:00:00Z', '2023-02-15', '2023-02-10T05:00:00Z', NULL))");
    }

    void script_fund_movement() {
        auto& db = temp_.db();
        db.exec(R"(INSERT INTO receipt (received_on, title_id, copy_id, quantity, price_tiyn) VALUES
            ('2023-09-15', 1, NULL, 40, 120000), ('2024-08-31', 2, 4, 1, 50000),
            ('2024-09-01', 2, 5, 1, 60000), ('2023-08-31', 1, NULL, 10, 110000))");
        db.exec(R"(INSERT INTO writeoff_act (id, number, act_date, reason) VALUES
            (1, '2024-001', '2024-02-20', 'worn'), (2, '2024-002', '2024-09-05', 'curriculum'))");
        db.exec(R"(INSERT INTO writeoff_row (act_id, title_id, copy_id, quantity, price_tiyn) VALUES
            (1, 1, NULL, 5, 100000), (1, 2, 3, 1, 45000), (2, 1, NULL, 7, 100000))");
    }

    void script_stocktakes() {
        auto& db = temp_.db();
        db.exec(R"(INSERT INTO stocktake (id, scope, started_at, finished_at) VALUES
            (1, 'all', '2024-04-01T04:00:00Z', '2024-04-02T04:00:00Z'),
            (2, 'all', '2024-04-10T04:00:00Z', '2024-04-11T04:00:00Z'),
            (3, 'all', '2024-09-02T04:00:00Z', NULL))");
        db.exec(R"(INSERT INTO stocktake_scan (stocktake_id, code, scanned_at, copy_id, title_id) VALUES
            (1, '10000017', '2024-04-01T05:00:00Z', 1, NULL), (1, '10000017', '2024-04-01T05:01:00Z', 1, NULL),
            (1, '10000025', '2024-04-01T05:02:00Z', 2, NULL), (1, '9786010000001', '2024-04-01T05:03:00Z', NULL, 1),
            (1, '9786010000001', '2024-04-01T05:04:00Z', NULL, 1), (1, '9786010000001', '2024-04-01T05:05:00Z', NULL, 1),
            (1, 'XYZ', '2024-04-01T05:06:00Z', NULL, NULL), (2, '10000017', '2024-04-10T05:00:00Z', 1, NULL),
            (3, '10000017', '2024-09-02T05:00:00Z', 1, NULL))");
    }

    AnnualFigures figures_of(const std::string& year) { return annual_figures(temp_.db(), *school_year_span(year)); }

    testing::TempDatabase temp_;
    std::optional<std::string> saved_tz_;
};

TEST_F(AnnualReport, ReadersAreThoseServedInTheYearByTheirGroupThen) {
    const auto f = figures_of("2023-2024");
    // Visits: 1, 2, 6, 7; loans: 3 (a minute after local midnight on 1 September), 4, 5, 8
    // (a second before local midnight on 31 August). 9 and 10 came the year before.
    EXPECT_EQ(f.readers_total, 8);
    EXPECT_EQ(f.readers_grades_1_4, 2);    // 1 (grade 1) and 5 (grade 5 now, 4 then)
    EXPECT_EQ(f.readers_grades_5_9, 2);    // 2 (grade 5) and 4 (grade 10 now, 9 then)
    EXPECT_EQ(f.readers_grades_10_11, 1);  // 3, graduated since
    EXPECT_EQ(f.readers_teachers, 1);
    EXPECT_EQ(f.readers_others, 2);  // staff and others
}

TEST_F(AnnualReport, VisitsAndCopiesIssuedByLocalDays) {
    const auto f = figures_of("2023-2024");
    EXPECT_EQ(f.visits, 5);
    EXPECT_EQ(f.loans, 7);  // 3 textbooks, a copy, 2 textbooks (one since split off by a return), a copy
}

TEST_F(AnnualReport, CopiesIssuedMonthByMonthInLocalTime) {
    const auto months = figures_of("2023-2024").loans_by_month;
    ASSERT_EQ(months.size(), 12u) << "September to August, the empty ones too";
    EXPECT_EQ(months.front(), (MonthLoans{"2023-09", 3})) << "a minute after local midnight on 1 September";
    EXPECT_EQ(months[1], (MonthLoans{"2023-10", 1}));
    EXPECT_EQ(months[2], (MonthLoans{"2023-11", 0}));
    EXPECT_EQ(months[6], (MonthLoans{"2024-03", 2}));
    EXPECT_EQ(months.back(), (MonthLoans{"2024-08", 1})) << "a second before local midnight on 31 August";
    long long total = 0;
    for (const auto& month : months) total += month.loans;
    EXPECT_EQ(total, figures_of("2023-2024").loans);
}

TEST_F(AnnualReport, FundAtTheStartIsTodaysLessWhatCameSincePlusWhatLeft) {
    const auto f = figures_of("2023-2024");
    // Today: 100 textbooks, 4 copies on the books (the lost one until an act writes it off).
    // Since 1 Sept 2023: in 40 + 1 + 1; out 5 + 1 (act 1), 7 (act 2), 1 lost on return.
    EXPECT_EQ(f.fund_start, 104 - 42 + 14);
    EXPECT_EQ(f.fund_start_textbooks, 100 - 40 + 13);
}

TEST_F(AnnualReport, ReceiptsAndWriteOffsOfTheYearWithTheirSums) {
    const auto f = figures_of("2023-2024");
    EXPECT_EQ(f.received_copies, 41);
    EXPECT_EQ(f.received_sum_tiyn, 40 * 120000 + 50000);
    EXPECT_EQ(f.received_textbooks_copies, 40);
    EXPECT_EQ(f.received_textbooks_sum_tiyn, 40 * 120000);
    EXPECT_EQ(f.written_off_copies, 7);
    // The lost textbook at its latest receipt price (120 000 tiyn), not the catalogue's.
    EXPECT_EQ(f.written_off_sum_tiyn, 5 * 100000 + 45000 + 120000);
}

TEST_F(AnnualReport, StocktakeCountsEachCopyOncePerStocktakeAndEveryTitleScan) {
    EXPECT_EQ(figures_of("2023-2024").stocktake_checked, 2 + 3 + 1);
}

TEST_F(AnnualReport, ThePreviousYearAddsUpToThisOnesStart) {
    const auto before = figures_of("2022-2023");
    EXPECT_EQ(before.readers_total, 2);
    EXPECT_EQ(before.readers_grades_1_4, 2);  // 9 in grade 0 then (counted with 1-4), 10 in grade 4
    EXPECT_EQ(before.visits, 2);
    EXPECT_EQ(before.loans, 1);
    EXPECT_EQ(before.received_copies, 10);
    EXPECT_EQ(before.written_off_copies, 0);
    EXPECT_EQ(before.fund_start + before.received_copies - before.written_off_copies,
              figures_of("2023-2024").fund_start);
}

TEST_F(AnnualReport, AnEmptyYearIsAllZeroButItsFund) {
    const auto f = figures_of("2030-2031");
    EXPECT_EQ(f.readers_total + f.visits + f.loans + f.received_copies + f.written_off_copies + f.stocktake_checked, 0);
    EXPECT_EQ(f.fund_start, 104);
}

TEST(AnnualLines, TheJsonKeysInReportOrder) {
    std::vector<std::string> keys;
    for (const auto& line : annual_lines({})) keys.emplace_back(line.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"readers_total", "readers_grades_1_4", "readers_grades_5_9",
                                              "readers_grades_10_11", "readers_teachers", "readers_others", "visits",
                                              "loans", "fund_start", "fund_start_textbooks", "received_copies",
                                              "received_sum", "received_textbooks_copies", "received_textbooks_sum",
                                              "written_off_copies", "written_off_sum", "stocktake_checked"}));
}

TEST(SchoolYearSpan, RunsFromSeptemberToAugust) {
    const auto year = school_year_span("2023-2024");
    ASSERT_TRUE(year);
    EXPECT_EQ(year->first_day, 2023y / September / 1);
    EXPECT_EQ(year->last_day, 2024y / August / 31);
    EXPECT_EQ(previous_year_span(*year).name, "2022-2023");
    for (const char* bad : {"2023-2025", "2023/2024", "23-24", "2023-2024 ", "abcd-abce", "-123-0124"})
        EXPECT_EQ(school_year_span(bad), std::nullopt) << bad;
}

}  // namespace
}  // namespace kitap::core
