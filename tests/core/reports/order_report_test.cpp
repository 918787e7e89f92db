#include "core/reports/order_report.hpp"

#include "core/fund/library_fixture.hpp"
#include "core/fund/receipts.hpp"
#include "core/year/year_close.hpp"

namespace kitap::core {
namespace {

using namespace std::chrono;

constexpr Date december{2023y, December, 1d};

// 2023-2024: 1А kk (3 pupils), 1Б ru (1), 4А kk (2), 11А kk (5). Curriculum:
//   A1  grade 1 kk ×1: 1 in stock, 1000 tenge;
//   M2  grade 2 kk ×2: 5 in stock (3 catalogued + 2 received at 1200), 2 out;
//       returned in the year before: 3 good, 1 worn (and one worn long ago);
//   R2  grade 2 ru ×2: one labelled copy in the fund, one written off, 500 tenge;
//   K5  grade 5 kk ×1: 1 in stock, out; no returns of its own; 800 tenge;
//   G11 grade 11 kk ×1: nobody moves up into grade 11.
class OrderReportTest : public testing::LibraryFixture {
protected:
    void SetUp() override {
        const RowId first_kk = add_class("2023-2024", 1, "А");
        add_class("2023-2024", 1, "Б", "ru");
        const RowId fourth = add_class("2023-2024", 4, "А");
        const RowId eleventh = add_class("2023-2024", 11, "А");
        for (const char* card : {"20000011", "20000012", "20000013"}) add_pupil(card, first_kk);
        add_pupil("20000021", db().execAndGet("SELECT id FROM school_class WHERE letter = 'Б'").getInt64());
        const RowId fourth_grader = add_pupil("20000041", fourth);
        add_pupil("20000042", fourth);
        for (int i = 0; i < 5; ++i) add_pupil("2000011" + std::to_string(i), eleventh);

        const RowId a1 = add_title(isbn(1), "textbook", 1, 100000);
        const RowId m2 = add_title(isbn(2), "textbook", 3, 100000);
        const RowId r2 = add_title(isbn(3), "textbook", 0, 50000);
        const RowId k5 = add_title(isbn(4), "textbook", 1, 80000);
        const RowId g11 = add_title(isbn(5), "textbook", 0, 90000);
        ASSERT_TRUE(receive(db(), {.isbn = isbn(2), .count = 2, .price_tiyn = 120000, .date = {2023y, October, 1d}},
                            on(december)));
        add_copy("10000017", r2);
        add_copy("10000025", r2, "", "written_off");
        curriculum(1, "kk", a1, 1);
        curriculum(2, "kk", m2, 2);
        curriculum(2, "ru", r2, 2);
        curriculum(5, "kk", k5, 1);
        curriculum(11, "kk", g11, 1);

        const RowId pupil = reader("20000011");
        lend(pupil, m2, 2, std::nullopt, "2023-09-02T09:00:00Z");
        give_back(lend(pupil, m2, 3, std::nullopt, "2022-09-02T09:00:00Z"), "2023-06-01T10:00:00Z", "good");
        give_back(lend(pupil, m2, 1, std::nullopt, "2022-09-02T09:00:00Z"), "2023-06-01T10:00:00Z", "worn");
        give_back(lend(pupil, m2, 1, std::nullopt, "2021-09-02T09:00:00Z"), "2022-05-01T10:00:00Z", "worn");
        lend(fourth_grader, k5, 1);
    }

    void curriculum(int grade, const std::string& language, RowId title, int per_pupil) {
        insert("INSERT INTO curriculum (grade, language, title_id, per_pupil) VALUES (" + std::to_string(grade) +
               ", '" + language + "', " + std::to_string(title) + ", " + std::to_string(per_pupil) + ")");
    }

    RowId reader(const std::string& card) {
        return db().execAndGet("SELECT id FROM reader WHERE card = '" + card + "'").getInt64();
    }

    Checked<OrderReport> order(std::optional<int> grade1 = std::nullopt, Date today = december,
                               const std::string& year = "2024-2025") {
        return order_report(db(), {.for_year = year, .grade1 = grade1, .today = today});
    }

    static const OrderLine& line(const OrderReport& report, const std::string& isbn_code) {
        for (const auto& line : report.lines)
            if (line.isbn == isbn_code) return line;
        throw std::logic_error("no line for " + isbn_code);
    }
};

TEST_F(OrderReportTest, PupilsNextYearArePromotedAndGradeOneEstimated) {
    const auto report = order();
    ASSERT_TRUE(report) << report.error().key;
    EXPECT_EQ(report->based_on, "2023-2024");
    ASSERT_EQ(report->pupils.size(), 5u);
    const std::vector<std::tuple<int, ClassLanguage, int, bool>> expected{{1, ClassLanguage::kk, 3, true},
                                                                          {1, ClassLanguage::ru, 1, true},
                                                                          {2, ClassLanguage::kk, 3, false},
                                                                          {2, ClassLanguage::ru, 1, false},
                                                                          {5, ClassLanguage::kk, 2, false}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& group = report->pupils[i];
        EXPECT_EQ(std::tuple(group.grade, group.language, group.pupils, group.estimated), expected[i]) << i;
    }
}

TEST_F(OrderReportTest, NeedLessUsableStockAtTheLastPrice) {
    const auto report = order();
    ASSERT_TRUE(report);
    ASSERT_EQ(report->lines.size(), 5u);
    EXPECT_EQ(report->lines[0].isbn, isbn(1));
    EXPECT_EQ(report->lines[4].isbn, isbn(5));

    const auto& m2 = line(*report, isbn(2));
    EXPECT_EQ(m2.pupils, 3);
    EXPECT_EQ(m2.needed, 6);
    EXPECT_EQ(m2.free, 3);
    EXPECT_EQ(m2.expected_returns, 2);
    EXPECT_EQ(m2.wear.worn, 1);
    EXPECT_EQ(m2.wear.returned, 4);
    EXPECT_FALSE(m2.school_wear);
    EXPECT_EQ(m2.worn, 1);  // ⌈2 × 1/4⌉
    EXPECT_EQ(m2.usable, 4);
    EXPECT_EQ(m2.to_order, 2);
    EXPECT_EQ(m2.price_tiyn, 120000);
    EXPECT_EQ(m2.sum_tiyn, 240000);

    const auto& r2 = line(*report, isbn(3));
    EXPECT_EQ(r2.needed, 2);
    EXPECT_EQ(r2.free, 1);
    EXPECT_EQ(r2.to_order, 1);

    const auto& k5 = line(*report, isbn(4));
    EXPECT_TRUE(k5.school_wear);
    EXPECT_EQ(k5.worn, 1);  // ⌈1 × the school's 1/4⌉
    EXPECT_EQ(k5.usable, 0);
    EXPECT_EQ(k5.to_order, 2);

    EXPECT_EQ(line(*report, isbn(1)).to_order, 2);
    EXPECT_EQ(line(*report, isbn(5)).needed, 0);
    EXPECT_EQ(line(*report, isbn(5)).to_order, 0);
    EXPECT_EQ(report->total_to_order, 7);
    EXPECT_EQ(report->total_sum_tiyn, 200000 + 240000 + 50000 + 160000);
}

TEST_F(OrderReportTest, GradeOneGivenIsSharedAsThisYearsIs) {
    auto report = order(8);
    EXPECT_EQ(report->pupils[0].pupils, 6);
    EXPECT_EQ(report->pupils[1].pupils, 2);
    EXPECT_FALSE(report->pupils[0].estimated);
    EXPECT_EQ(line(*report, isbn(1)).to_order, 5);
    report = order(5);
    EXPECT_EQ(report->pupils[0].pupils, 4);
    EXPECT_EQ(report->pupils[1].pupils, 1);
    EXPECT_EQ(order(-1).error().kind, RefusalKind::bad_input);
}

TEST_F(OrderReportTest, AfterTheYearClosesItsOwnClassesCount) {
    ASSERT_TRUE(close_school_year(db(), {}, on({2024y, June, 10d})));
    const auto report = order(std::nullopt, {2024y, June, 10d});
    ASSERT_TRUE(report) << report.error().key;
    EXPECT_EQ(report->based_on, "2024-2025");
    ASSERT_EQ(report->pupils.size(), 5u);
    EXPECT_EQ(report->pupils[0].pupils, 3);
    EXPECT_TRUE(report->pupils[0].estimated);
    EXPECT_EQ(line(*report, isbn(2)).pupils, 3);
    EXPECT_EQ(line(*report, isbn(4)).pupils, 2);
}

TEST_F(OrderReportTest, NoClassesToCountFrom) {
    const auto report = order(std::nullopt, december, "2030-2031");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().key, "order.error.no_classes");
    EXPECT_EQ(order(std::nullopt, december, "2024").error().kind, RefusalKind::bad_input);
}

}  // namespace
}  // namespace kitap::core
