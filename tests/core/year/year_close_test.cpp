#include "core/year/year_close.hpp"

#include "core/fund/library_fixture.hpp"
#include "core/year/school_years.hpp"

namespace kitap::core {
namespace {

using namespace std::chrono;

constexpr Date june{2024y, June, 10d};

// 2023-2024: 1Б (one pupil), 5Ә (two pupils and one who left), 11А in Russian
// (two pupils, one still holding a textbook and owing for a lost one); a
// teacher; a 5Ә pupil also holds a textbook.
class YearCloseTest : public testing::LibraryFixture {
protected:
    void SetUp() override {
        first_ = add_class("2023-2024", 1, "Б");
        fifth_ = add_class("2023-2024", 5, "Ә");
        eleventh_ = add_class("2023-2024", 11, "А", "ru");
        add_pupil("20000001", first_);
        add_pupil("20000051", fifth_);
        add_pupil("20000052", fifth_);
        add_pupil("20000059", fifth_, "left");
        add_pupil("20000111", eleventh_);
        add_pupil("20000112", eleventh_);
        insert("INSERT INTO reader (card, full_name, category) VALUES ('30000001', 'Teacher', 'teacher')");
        const RowId algebra = add_title(isbn(1), "textbook", 30);
        const RowId novel = add_title(isbn(2), "fiction", 0);
        lend(reader("20000111"), algebra);
        lend(reader("20000111"), novel, 1, add_copy("10000017", novel));
        lend(reader("20000052"), algebra);
        insert("INSERT INTO compensation (reader_id, title_id, condition, amount_tiyn, created_at) VALUES (" +
               std::to_string(reader("20000111")) + ", " + std::to_string(algebra) +
               ", 'lost', 150000, '2024-05-20T10:00:00Z')");
    }

    RowId reader(const std::string& card) {
        return db().execAndGet("SELECT id FROM reader WHERE card = '" + card + "'").getInt64();
    }
    std::string class_of(const std::string& card) {
        return text(
            "SELECT c.grade || c.letter || ' ' || c.language || ' ' || c.school_year FROM reader r "
            "JOIN school_class c ON c.id = r.class_id WHERE r.card = '" +
            card + "'");
    }
    std::string status_of(const std::string& card) {
        return text("SELECT status FROM reader WHERE card = '" + card + "'");
    }
    Checked<YearClose> close(YearCloseOptions options = {}, Date day = june) {
        return close_school_year(db(), options, on(day));
    }

    RowId first_ = 0;
    RowId fifth_ = 0;
    RowId eleventh_ = 0;
};

TEST_F(YearCloseTest, DryRunSaysWhatWouldHappenAndWritesNothing) {
    const auto plan = close({.dry_run = true});
    ASSERT_TRUE(plan) << plan.error().key;
    EXPECT_TRUE(plan->dry_run);
    EXPECT_EQ(plan->year, "2023-2024");
    EXPECT_EQ(plan->next_year, "2024-2025");
    ASSERT_EQ(plan->promoted.size(), 2u);
    EXPECT_EQ(plan->promoted[0].from, "1Б");
    EXPECT_EQ(plan->promoted[0].to, "2Б");
    EXPECT_EQ(plan->promoted[0].pupils, 1);
    EXPECT_EQ(plan->promoted[1].from, "5Ә");
    EXPECT_EQ(plan->promoted[1].pupils, 2);
    ASSERT_EQ(plan->graduates.size(), 2u);
    EXPECT_EQ(plan->graduates[0].card, "20000111");
    EXPECT_EQ(plan->graduates[0].class_name, "11А");
    EXPECT_EQ(plan->graduates[0].open_loans, 2);
    EXPECT_EQ(plan->graduates[0].open_compensations, 1);
    EXPECT_EQ(plan->graduates[1].open_loans, 0);
    ASSERT_EQ(plan->debts.size(), 2u);
    EXPECT_EQ(plan->debts[0].card, "20000052");
    EXPECT_EQ(plan->debts[0].code, isbn(1));
    EXPECT_EQ(plan->debts[1].card, "20000111");

    EXPECT_EQ(count("SELECT count(*) FROM school_class"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM school_year"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM event"), 0);
    EXPECT_EQ(class_of("20000051"), "5Ә kk 2023-2024");
}

TEST_F(YearCloseTest, PromotesGraduatesAndKeepsDebtsOpen) {
    const auto closed = close();
    ASSERT_TRUE(closed) << closed.error().key;
    EXPECT_FALSE(closed->dry_run);
    EXPECT_EQ(class_of("20000001"), "2Б kk 2024-2025");
    EXPECT_EQ(class_of("20000051"), "6Ә kk 2024-2025");
    EXPECT_EQ(class_of("20000052"), "6Ә kk 2024-2025");
    EXPECT_EQ(class_of("20000059"), "5Ә kk 2023-2024");  // left before: stays where they were
    EXPECT_EQ(status_of("20000111"), "left");
    EXPECT_EQ(class_of("20000111"), "11А ru 2023-2024");
    EXPECT_EQ(status_of("30000001"), "active");
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM compensation WHERE settled_at IS NULL"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM school_class WHERE school_year = '2024-2025'"), 2);
    EXPECT_EQ(text("SELECT closed_at FROM school_year WHERE name = '2023-2024'"), "2024-06-10T12:00:00Z");
    EXPECT_EQ(current_school_year(db(), june), "2024-2025");
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'reader_promoted' AND actor_role = 'librarian'"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'reader_graduated'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'year_closed'"), 1);
}

TEST_F(YearCloseTest, TheSameYearClosesOnce) {
    ASSERT_TRUE(close());
    const auto again = close({}, {2024y, June, 11d});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, RefusalKind::rule);
    EXPECT_EQ(again.error().key, "year.close.already_closed");
    EXPECT_EQ(again.error().args.at("year"), "2023-2024");
    EXPECT_EQ(again.error().args.at("date"), "2024-06-10");
    EXPECT_EQ(close({.year = "2023-2024"}).error().key, "year.close.already_closed");
    EXPECT_EQ(class_of("20000051"), "6Ә kk 2024-2025");
    EXPECT_EQ(count("SELECT count(*) FROM school_class"), 5);
}

TEST_F(YearCloseTest, AFaultInTheMiddleLeavesEverythingAsItWas) {
    db().exec(
        "CREATE TRIGGER fail_at_graduation BEFORE UPDATE OF status ON reader WHEN NEW.status = 'left' "
        "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    EXPECT_THROW(close(), SQLite::Exception);
    EXPECT_EQ(count("SELECT count(*) FROM school_class"), 3);
    EXPECT_EQ(class_of("20000051"), "5Ә kk 2023-2024");
    EXPECT_EQ(count("SELECT count(*) FROM school_year"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM event"), 0);

    db().exec("DROP TRIGGER fail_at_graduation");
    ASSERT_TRUE(close());
    EXPECT_EQ(class_of("20000051"), "6Ә kk 2024-2025");
}

TEST_F(YearCloseTest, AYearCannotCloseBeforeItStartsOrAfterALaterOne) {
    EXPECT_EQ(close({.year = "2024-2025"}).error().key, "year.close.not_started");
    ASSERT_TRUE(close());
    add_class("2022-2023", 4, "Ә");
    const auto earlier = close({.year = "2022-2023"});
    EXPECT_EQ(earlier.error().key, "year.close.later_closed");
    EXPECT_EQ(earlier.error().args.at("later"), "2023-2024");
    EXPECT_EQ(close({.year = "2023/24"}).error().kind, RefusalKind::bad_input);
}

TEST_F(YearCloseTest, AYearWithoutClassesHasNothingToClose) {
    const auto closed = close({}, {2025y, June, 1d});
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().key, "year.close.no_classes");
    EXPECT_EQ(closed.error().args.at("year"), "2024-2025");
}

TEST_F(YearCloseTest, ANextYearClassIsReusedUnlessItsLanguageDiffers) {
    const RowId sixth = add_class("2024-2025", 6, "Ә");
    ASSERT_TRUE(close());
    EXPECT_EQ(db().execAndGet("SELECT class_id FROM reader WHERE card = '20000051'").getInt64(), sixth);
}

TEST_F(YearCloseTest, ANextYearClassInAnotherLanguageIsAConflict) {
    add_class("2024-2025", 2, "Б", "ru");
    const auto closed = close();
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().key, "year.close.class_conflict");
    EXPECT_EQ(closed.error().args.at("class"), "2Б");
    EXPECT_EQ(class_of("20000001"), "1Б kk 2023-2024");
}

TEST_F(YearCloseTest, MidYearOnlyWhenMeantAndAlwaysAsADryRun) {
    constexpr Date march{2024y, March, 1d};
    const auto refused = close({}, march);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().key, "year.close.too_early");
    EXPECT_EQ(refused.error().args.at("date"), "2024-05-01");
    EXPECT_TRUE(close({.dry_run = true}, march));
    EXPECT_EQ(count("SELECT count(*) FROM school_year"), 0);
    EXPECT_TRUE(close({.early = true}, march));
    EXPECT_TRUE(close({}, {2025y, May, 1d}));
}

TEST(SchoolYearNames, FormAndDays) {
    EXPECT_TRUE(is_school_year_name("2023-2024"));
    EXPECT_FALSE(is_school_year_name("2023-2025"));
    EXPECT_FALSE(is_school_year_name("2023_2024"));
    EXPECT_FALSE(is_school_year_name("23-24"));
    EXPECT_EQ(previous_school_year("2023-2024"), "2022-2023");
    EXPECT_EQ(iso_date(first_day_of_school_year("2023-2024")), "2023-09-01");
    EXPECT_EQ(iso_date(last_day_of_school_year("2023-2024")), "2024-08-31");
    EXPECT_EQ(iso_date(earliest_close_day("2023-2024")), "2024-05-01");
}

}  // namespace
}  // namespace kitap::core
