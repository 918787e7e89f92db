#include "core/textbooks/textbook_reports.hpp"
#include "core/textbooks/class_issuance.hpp"
#include "core/textbooks/textbook_fixture.hpp"

namespace kitap::core {
namespace {

using namespace std::chrono;

class TextbookReportsTest : public testing::TextbookFixture {};

TEST_F(TextbookReportsTest, ProvisionCountsPupilsNeedIssuedAndFreeStock) {
    temp_.db().exec(
        "INSERT INTO loan (reader_id, title_id, quantity, loaned_at, due) VALUES "
        "(1, 1, 2, '2026-09-02T08:00:00Z', '2027-05-31'), (2, 1, 3, '2026-09-02T08:00:00Z', '2027-05-31'),"
        "(1, 2, 1, '2026-09-02T08:00:00Z', '2027-05-31')");
    const auto report = provision_report(temp_.db(), std::nullopt, Date{2026y, November, 25d});
    EXPECT_EQ(report.school_year, "2026-2027");
    ASSERT_EQ(report.lines.size(), 2u);
    const auto& maths = report.lines[0];
    EXPECT_EQ(maths.class_name, "5Ә");
    EXPECT_EQ(maths.pupils, 3);
    EXPECT_EQ(maths.needed, 6);
    EXPECT_EQ(maths.issued, 4);  // the third copy pupil 2 holds is beyond their share
    EXPECT_NEAR(maths.provision_pct, 66.67, 0.01);
    EXPECT_EQ(maths.free_stock, 1);
    ASSERT_EQ(report.grades.size(), 1u);
    EXPECT_EQ(report.grades[0].needed, 9);
    EXPECT_EQ(report.grades[0].issued, 5);
    EXPECT_EQ(report.grades[0].pupils, 3);
}

TEST_F(TextbookReportsTest, ProvisionOfOneClass) {
    temp_.add_class("2026-2027", 5, "Б");
    EXPECT_EQ(provision_report(temp_.db(), ClassName{5, "Б"}, Date{2026y, November, 25d}).lines.size(), 2u);
    EXPECT_EQ(provision_report(temp_.db(), std::nullopt, Date{2026y, November, 25d}).lines.size(), 4u);
}

TEST_F(TextbookReportsTest, DebtorsGroupedByClassForTheClassTeacher) {
    temp_.db().exec(
        "INSERT INTO reader (id, card, full_name, category) VALUES (9, '20000097', 'Иванова Мария', 'teacher')");
    temp_.db().exec(
        "INSERT INTO loan (reader_id, title_id, quantity, loaned_at, due) VALUES "
        "(2, 1, 2, '2026-09-02T08:00:00Z', '2027-05-31'), (1, 2, 1, '2026-09-02T08:00:00Z', '2026-11-01'),"
        "(9, 3, 1, '2026-09-02T08:00:00Z', '2026-10-01')");
    auto now = debtors_report(temp_.db(), std::nullopt, Date{2026y, November, 25d});
    ASSERT_EQ(now.size(), 2u);
    EXPECT_EQ(now[0].class_name, "5Ә");
    ASSERT_EQ(now[0].debtors.size(), 1u);
    EXPECT_EQ(now[0].debtors[0].card, "20000014");
    EXPECT_EQ(now[1].class_name, "");  // readers without a class come last
    auto year_end = debtors_report(temp_.db(), ClassName{5, "Ә"}, Date{2027y, June, 1d});
    ASSERT_EQ(year_end.size(), 1u);
    EXPECT_EQ(year_end[0].debtors.size(), 2u);  // every unreturned textbook is due by then
}

}  // namespace
}  // namespace kitap::core
