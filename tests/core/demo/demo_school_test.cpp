#include "core/demo/demo_school.hpp"

#include "core/audit/event_chain.hpp"
#include "core/codes/check_digits.hpp"
#include "tests/support/test_database.hpp"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <utility>

namespace kitap::core {
namespace {

using namespace std::chrono;

// A Wednesday in late November: the textbooks are out and three months of loans are behind.
const Timestamp november = sys_days{2026y / November / 25} + 10h;
// The last school day of June: a whole school year of loans and returns is behind.
const Timestamp june = sys_days{2027y / June / 30} + 12h;

DemoOptions demo_options(std::uint32_t seed, Timestamp now) {
    return {.seed = seed, .years_of_history = 1, .now = now};
}

int count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt(); }

std::vector<std::string> column(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement query(db, sql);
    std::vector<std::string> values;
    while (query.executeStep()) values.push_back(query.getColumn(0).getString());
    return values;
}

std::string dump_library(SQLite::Database& db) { return testing::table_rows(db, {"reader", "title", "loan"}); }

// One demo school for the tests that only read it: a fill takes a while under the sanitizers.
class DemoSchoolTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = std::make_unique<testing::TempDatabase>();
        summary_ = fill_demo_school(temp_->db(), demo_options(1, november));
    }
    static void TearDownTestSuite() { temp_.reset(); }

    static SQLite::Database& db() { return temp_->db(); }
    static const DemoSummary& summary() { return summary_; }

private:
    static inline std::unique_ptr<testing::TempDatabase> temp_;
    static inline DemoSummary summary_;
};

TEST_F(DemoSchoolTest, HasTheReadersOfDomainMd) {
    EXPECT_GE(summary().readers, 1300);
    EXPECT_LE(summary().readers, 1500);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM reader WHERE category = 'teacher'"), 67);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM reader WHERE category = 'other'"), 3);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM reader WHERE category = 'teacher' AND class_id IS NOT NULL"), 0);
    const std::string pupils_in = "SELECT count(*) FROM reader r JOIN school_class c ON c.id = r.class_id WHERE ";
    EXPECT_NEAR(count(db(), pupils_in + "c.grade BETWEEN 1 AND 4"), 620, 100);
    EXPECT_NEAR(count(db(), pupils_in + "c.grade BETWEEN 5 AND 6"), 180, 40);
    EXPECT_NEAR(count(db(), pupils_in + "c.grade BETWEEN 7 AND 9"), 368, 60);
    EXPECT_NEAR(count(db(), pupils_in + "c.grade BETWEEN 10 AND 11"), 72, 25);
    EXPECT_EQ(count(db(), pupils_in + "c.grade = 0"), count(db(), pupils_in + "c.grade = 0 AND c.letter = 'А'"));
}

TEST_F(DemoSchoolTest, PupilsAreInThisSchoolYearsKazakhAndRussianClasses) {
    EXPECT_EQ(count(db(), "SELECT count(*) FROM school_class WHERE school_year <> '2026-2027'"), 0);
    const int kazakh = count(db(), "SELECT count(*) FROM school_class WHERE language = 'kk'");
    EXPECT_NEAR(static_cast<double>(kazakh) / summary().classes, 2.0 / 3, 0.1);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM school_class WHERE grade = 5 AND letter = 'Ә' AND language = 'kk'"), 1);
    EXPECT_EQ(count(db(),
                    "SELECT count(*) FROM (SELECT c.id FROM reader r JOIN school_class c ON c.id = r.class_id "
                    "WHERE c.grade > 0 GROUP BY c.id HAVING count(*) NOT BETWEEN 20 AND 30)"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM reader WHERE category = 'pupil' AND class_id IS NULL"), 0);
    const int left = count(db(), "SELECT count(*) FROM reader WHERE status = 'left'");
    EXPECT_GT(left, 0);
    EXPECT_LT(left, 50);
    EXPECT_EQ(count(db(),
                    "SELECT count(*) FROM loan l JOIN reader r ON r.id = l.reader_id "
                    "WHERE r.status = 'left' AND l.returned_at IS NULL"),
              0);
}

TEST_F(DemoSchoolTest, NamesFollowTheLanguageOfTheClass) {
    // Kazakh patronymics end in -ұлы / -қызы, Russian ones in -ич / -на.
    EXPECT_EQ(count(db(), R"(SELECT count(*) FROM reader r JOIN school_class c ON c.id = r.class_id
                             WHERE c.language = 'kk' AND r.full_name NOT LIKE '%ұлы%' AND r.full_name NOT LIKE '%қызы%')"),
              0);
    EXPECT_EQ(count(db(), R"(SELECT count(*) FROM reader r JOIN school_class c ON c.id = r.class_id
                             WHERE c.language = 'ru' AND r.full_name NOT LIKE '%ич' AND r.full_name NOT LIKE '%на')"),
              0);
}

TEST_F(DemoSchoolTest, KazakhLettersAppearInNamesAndTitles) {
    for (const std::string letter : {"Ә", "ә", "Ғ", "ғ", "Қ", "қ", "ң", "Ө", "ө", "Ұ", "ұ", "Ү", "ү", "һ", "І", "і"}) {
        EXPECT_GT(count(db(), "SELECT count(*) FROM reader WHERE instr(full_name, '" + letter + "') > 0"), 0) << letter;
        EXPECT_GT(count(db(), "SELECT count(*) FROM title WHERE instr(title || authors, '" + letter + "') > 0"), 0)
            << letter;
    }
}

TEST_F(DemoSchoolTest, TextbookFundIsCountedPerTitle) {
    EXPECT_GE(summary().title_stock, 40'000);
    EXPECT_LE(summary().title_stock, 52'000);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM copy c JOIN title t ON t.id = c.title_id WHERE t.kind = 'textbook'"),
              0);
    EXPECT_EQ(count(db(),
                    "SELECT count(*) FROM title WHERE kind = 'textbook' AND (grade IS NULL OR subject = '' "
                    "OR language NOT IN ('kk', 'ru') OR price_tiyn NOT BETWEEN 150000 AND 450000 "
                    "OR year NOT BETWEEN 2017 AND 2023 OR isbn NOT LIKE '978601%')"),
              0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM title WHERE title = 'Математика. 5-сынып. 1-бөлім'"), 0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM title WHERE title = 'Математика. 5 класс. Часть 1'"), 0);
}

TEST_F(DemoSchoolTest, MainFundHasLabelledCopies) {
    EXPECT_GE(summary().copies, 12'000);
    EXPECT_LE(summary().copies, 16'000);
    const int titles = count(db(), "SELECT count(*) FROM title WHERE kind <> 'textbook'");
    EXPECT_GE(titles, 1200);
    EXPECT_LE(titles, 1800);
    EXPECT_GT(count(db(), "SELECT count(*) FROM title WHERE kind = 'fiction'"), titles / 2);
    for (const char* kind : {"reference", "methodical", "periodical"})
        EXPECT_GT(count(db(), std::string("SELECT count(*) FROM title WHERE kind = '") + kind + "'"), 0) << kind;
    EXPECT_EQ(count(db(), "SELECT count(*) FROM title WHERE kind <> 'textbook' AND stock <> 0"), 0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM title WHERE kind <> 'textbook' AND isbn IS NULL"), 0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM copy WHERE status = 'written_off'"), 0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM title WHERE title = 'Абай жолы. 1-том'"), 0);
}

TEST_F(DemoSchoolTest, EveryCodeCarriesAValidCheckDigit) {
    // Reader cards are random, as an import makes them (core/codes/card_numbers.hpp): no
    // demo card is the next pupil's plus one.
    std::set<int> payloads;
    for (const auto& card : column(db(), "SELECT card FROM reader")) {
        EXPECT_EQ(card.size(), 8u) << card;
        EXPECT_TRUE(card.front() >= '2' && card.front() <= '9') << card;
        EXPECT_TRUE(luhn_valid(card)) << card;
        payloads.insert(std::stoi(card.substr(0, 7)));
    }
    EXPECT_EQ(payloads.size(), static_cast<std::size_t>(count(db(), "SELECT count(*) FROM reader")));
    for (const auto& barcode : column(db(), "SELECT barcode FROM copy")) {
        EXPECT_EQ(barcode.size(), 8u) << barcode;
        EXPECT_EQ(barcode.front(), '1') << barcode;
        EXPECT_TRUE(luhn_valid(barcode)) << barcode;
    }
    for (const auto& isbn : column(db(), "SELECT isbn FROM title WHERE isbn IS NOT NULL"))
        EXPECT_TRUE(is_isbn13(isbn)) << isbn;
}

TEST_F(DemoSchoolTest, OpenLoansNeverLendMoreThanTheLibraryHas) {
    EXPECT_EQ(count(db(),
                    "SELECT count(*) FROM (SELECT copy_id FROM loan WHERE returned_at IS NULL "
                    "AND copy_id IS NOT NULL GROUP BY copy_id HAVING count(*) > 1)"),
              0);
    EXPECT_EQ(count(db(),
                    "SELECT count(*) FROM loan l JOIN copy c ON c.id = l.copy_id "
                    "WHERE l.returned_at IS NULL AND c.status <> 'in_fund'"),
              0);
    EXPECT_EQ(count(db(), R"(SELECT count(*) FROM (
                                 SELECT t.stock, sum(l.quantity) AS out FROM loan l JOIN title t ON t.id = l.title_id
                                 WHERE l.returned_at IS NULL AND l.copy_id IS NULL GROUP BY t.id) WHERE out > stock)"),
              0);
}

TEST_F(DemoSchoolTest, EachPupilHoldsTheTextbooksOfTheirGradeAndLanguage) {
    EXPECT_EQ(count(db(), R"(SELECT count(*) FROM loan l JOIN title t ON t.id = l.title_id
                             JOIN reader r ON r.id = l.reader_id JOIN school_class c ON c.id = r.class_id
                             WHERE l.copy_id IS NULL AND (t.kind <> 'textbook' OR t.grade <> c.grade
                                   OR t.language <> c.language OR l.due <> '2027-05-31'))"),
              0);
    EXPECT_EQ(count(db(), R"(SELECT count(*) FROM (
                                 SELECT r.id, (SELECT count(*) FROM loan l WHERE l.reader_id = r.id
                                               AND l.copy_id IS NULL AND l.returned_at IS NULL) AS held
                                 FROM reader r JOIN school_class c ON c.id = r.class_id
                                 WHERE c.grade > 0 AND r.status = 'active' AND NOT (c.grade = 5 AND c.letter = 'Ә'))
                             WHERE held NOT BETWEEN 8 AND 14)"),
              0);
}

TEST_F(DemoSchoolTest, OneClassStillWaitsForItsTextbooks) {
    EXPECT_EQ(count(db(), R"(SELECT count(*) FROM loan l JOIN reader r ON r.id = l.reader_id
                             JOIN school_class c ON c.id = r.class_id
                             WHERE c.grade = 5 AND c.letter = 'Ә' AND l.returned_at IS NULL AND l.copy_id IS NULL)"),
              0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM curriculum WHERE grade = 5"), 8);
}

TEST_F(DemoSchoolTest, SomeOpenLoansAreOverdue) {
    EXPECT_GT(summary().open_loans, summary().overdue_loans);
    EXPECT_GT(summary().overdue_loans, 0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM loan WHERE returned_at IS NULL AND copy_id IS NOT NULL"), 100);
}

TEST_F(DemoSchoolTest, LoansLieInThePastAndFollowTheLoanPeriods) {
    const std::string now = iso_timestamp(november);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM loan WHERE loaned_at >= '" + now + "' OR returned_at >= '" + now +
                              "' OR returned_at <= loaned_at OR station NOT IN ('desk', 'kiosk')"),
              0);
    // Pupils' fiction is due in 14 days, dictionaries and magazines in 7, teachers' guides in 30.
    EXPECT_EQ(count(db(), R"(SELECT count(*) FROM loan l JOIN title t ON t.id = l.title_id
                             JOIN reader r ON r.id = l.reader_id
                             WHERE l.copy_id IS NOT NULL AND julianday(l.due) - julianday(date(l.loaned_at, 'localtime')) <>
                                 CASE WHEN t.kind = 'fiction' AND r.category = 'teacher' THEN 30
                                      WHEN t.kind = 'fiction' THEN 14 WHEN t.kind = 'methodical' THEN 30 ELSE 7 END)"),
              0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM loan WHERE copy_id IS NOT NULL AND date(returned_at) > due"), 0);
}

TEST_F(DemoSchoolTest, EveryLoanDayIsAVisit) {
    SQLite::Statement loans(db(), "SELECT reader_id, loaned_at FROM loan");
    std::set<std::pair<long long, std::string>> loan_days;
    while (loans.executeStep())
        loan_days.emplace(loans.getColumn(0).getInt64(),
                          iso_date(local_date(*parse_iso_timestamp(loans.getColumn(1).getString()))));
    SQLite::Statement visits(db(), "SELECT reader_id, day FROM visit");
    std::set<std::pair<long long, std::string>> visit_days;
    while (visits.executeStep()) visit_days.emplace(visits.getColumn(0).getInt64(), visits.getColumn(1).getString());
    for (const auto& day : loan_days) EXPECT_TRUE(visit_days.contains(day)) << day.first << " " << day.second;
    EXPECT_GT(visit_days.size(), loan_days.size());
}

TEST_F(DemoSchoolTest, EventLogHasEveryLoanAndReturn) {
    EXPECT_EQ(count(db(), "SELECT count(*) FROM event WHERE action = 'loan'"), summary().loans);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM event WHERE action = 'return'"),
              summary().loans - summary().open_loans);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM event WHERE action = 'demo' AND detail LIKE '%seed=1%'"), 1);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM event WHERE actor_role <> 'demo'"), 0);
    // Written in time order, as a real log would be.
    EXPECT_EQ(count(db(), "SELECT count(*) FROM event a JOIN event b ON b.id = a.id + 1 WHERE b.at < a.at"), 0);
}

TEST_F(DemoSchoolTest, TheBulkWrittenLogIsOneWholeChain) {
    const auto check = verify_event_chain(db());
    EXPECT_TRUE(check.whole());
    EXPECT_EQ(check.events, count(db(), "SELECT count(*) FROM event"));
}

TEST_F(DemoSchoolTest, LibraryIsEmptyUntilFilled) {
    testing::TempDatabase fresh;
    EXPECT_TRUE(library_is_empty(fresh.db()));
    EXPECT_FALSE(library_is_empty(db()));
    EXPECT_THROW(fill_demo_school(db(), demo_options(1, november)), std::logic_error);
}

TEST_F(DemoSchoolTest, SameSeedGivesTheSameLibraryAndAnotherSeedAnother) {
    testing::TempDatabase again, other;
    fill_demo_school(again.db(), demo_options(1, november));
    fill_demo_school(other.db(), demo_options(2, november));
    const std::string library = dump_library(db());
    EXPECT_TRUE(library == dump_library(again.db()));
    EXPECT_TRUE(library != dump_library(other.db()));
    EXPECT_TRUE(testing::table_rows(db(), {"reader"}) != testing::table_rows(other.db(), {"reader"}));
}

TEST(DemoSchool, AYearOfHistoryHasDomainMdsLoansAndVisits) {
    testing::TempDatabase temp;
    const DemoSummary summary = fill_demo_school(temp.db(), demo_options(1, june));
    EXPECT_NEAR(summary.loans, 30'111, 3'000);
    EXPECT_NEAR(summary.visits, 12'103, 1'500);
    EXPECT_LT(summary.open_loans, 500);  // the year's books are back, bar a few debtors
}

TEST(DemoSchool, NoHistoryFillsOnlyTheRosterAndFund) {
    testing::TempDatabase temp;
    DemoOptions options = demo_options(1, november);
    options.years_of_history = 0;
    const DemoSummary summary = fill_demo_school(temp.db(), options);
    EXPECT_GT(summary.readers, 0);
    EXPECT_EQ(summary.loans, 0);
    EXPECT_EQ(summary.visits, 0);
}

}  // namespace
}  // namespace kitap::core
