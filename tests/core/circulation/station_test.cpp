#include "core/circulation/station.hpp"

#include "core/audit/audit_log.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr const char* fiction_copy = "10000017";
constexpr const char* second_copy = "10000025";
constexpr const char* textbook_isbn = "9786010000001";  // 2 title-level copies
constexpr const char* labelled_isbn = "9786010000018";  // held as labelled copies only
constexpr const char* uncatalogued_isbn = "9786010000032";

class StationTest : public ::testing::Test {
protected:
    void SetUp() override {
        setenv("TZ", "UTC", 1);
        tzset();
        auto& db = temp_.db();
        temp_.add_class("2026-2027", 5, "Ә");  // id 1
        db.exec(R"(INSERT INTO reader (id, card, full_name, category, class_id, status) VALUES
            (1, '20000014', 'Қасымова Әлия', 'pupil', 1, 'active'),
            (2, '20000022', 'Нұрланұлы Ерасыл', 'pupil', 1, 'active'),
            (3, '20000030', 'Иванова Мария Сергеевна', 'teacher', NULL, 'active'),
            (4, '20000048', 'Серікұлы Дәурен', 'pupil', 1, 'left'))");
        db.exec(R"(INSERT INTO title (id, title, isbn, kind, grade, stock) VALUES
            (1, 'Абай жолы', NULL, 'fiction', NULL, 0),
            (2, 'Математика. 5-сынып. 1-бөлім', '9786010000001', 'textbook', 5, 2),
            (3, 'Қара сөздер', '9786010000018', 'fiction', NULL, 0))");
        db.exec(R"(INSERT INTO copy (id, barcode, title_id, status) VALUES
            (1, '10000017', 1, 'in_fund'), (2, '10000025', 1, 'in_fund'), (3, '10000033', 3, 'in_fund'),
            (4, '10000041', 3, 'written_off'))");
        db.exec(
            "INSERT INTO curriculum (grade, language, title_id, per_pupil, subject) VALUES (5, 'kk', 2, 1, "
            "'Математика')");
    }

    Station station(StationMode mode = StationMode::self) { return Station(store_, rules_, mode, "test"); }

    StationOutcome scan(Station& station, const std::string& code) {
        now_ += 5s;  // beyond the double-scan window unless a test says otherwise
        return station.handle({.text = code, .symbology = "", .source = "test"}, now_).last();
    }

    int count(const std::string& sql) { return temp_.db().execAndGet(sql).getInt(); }

    testing::TestSchool temp_;
    LibraryStore store_{temp_.db()};
    Rules rules_;
    Timestamp now_ = sys_days{2026y / November / 25} + 10h;
};

// The web console opens a station per login session and mode, a SIP2 terminal one per
// connection: opening one more on a connection prepares nothing, and each still works.
TEST_F(StationTest, StationsOnOneConnectionShareTheirPreparedStatements) {
    const auto statements = [&] {
        int n = 0;
        for (auto* s = sqlite3_next_stmt(temp_.db().getHandle(), nullptr); s;
             s = sqlite3_next_stmt(temp_.db().getHandle(), s))
            ++n;
        return n;
    };
    auto desk = station(StationMode::desk);
    const int prepared = statements();
    auto returns = station(StationMode::return_);
    auto self = station(StationMode::self);
    EXPECT_EQ(statements(), prepared);

    scan(desk, "20000014");
    EXPECT_EQ(scan(desk, fiction_copy).outcome, Outcome::loan);
    EXPECT_EQ(scan(returns, fiction_copy).outcome, Outcome::returned);
    scan(self, "20000022");
    EXPECT_EQ(scan(self, second_copy).outcome, Outcome::loan);
}

// Every scan at a station runs some twenty statements, each on the index made for it:
// none steps through a whole table or fills an index SQLite makes for itself, however
// many holds the school has had (ended holds stay in the table for good).
TEST_F(StationTest, ScansReadOnlyWhatTheirIndexesLeadTo) {
    for (int i = 0; i < 50; ++i)
        temp_.db().exec(
            "INSERT INTO hold (reader_id, title_id, placed_at, station, state, ended_at) VALUES (3, 1, "
            "'2025-01-01T10:00:00Z', 'test', 'fulfilled', '2025-01-02T10:00:00Z')");
    auto desk = station(StationMode::desk);
    auto returns = station(StationMode::return_);
    scan(desk, "20000022");
    EXPECT_EQ(scan(desk, fiction_copy).outcome, Outcome::loan);
    scan(desk, "20000014");
    EXPECT_EQ(scan(desk, textbook_isbn).outcome, Outcome::loan);
    temp_.db().exec(
        "INSERT INTO hold (reader_id, title_id, placed_at, station) VALUES (1, 1, '2026-11-20T10:00:00Z', 'test')");
    const auto back = scan(returns, fiction_copy);
    EXPECT_EQ(back.outcome, Outcome::returned);
    ASSERT_TRUE(back.hold_for);
    EXPECT_EQ(back.hold_for->card, "20000014");  // kept for the reader waiting for it
    scan(returns, "20000014");                   // a textbook by its ISBN comes back from a reader
    EXPECT_EQ(scan(returns, textbook_isbn).outcome, Outcome::returned);
    for (auto* s = sqlite3_next_stmt(temp_.db().getHandle(), nullptr); s;
         s = sqlite3_next_stmt(temp_.db().getHandle(), s)) {
        EXPECT_EQ(sqlite3_stmt_status(s, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0), 0) << sqlite3_sql(s);
        EXPECT_EQ(sqlite3_stmt_status(s, SQLITE_STMTSTATUS_AUTOINDEX, 0), 0) << sqlite3_sql(s);
    }
}

// A scan leaves some of its one-row reads on their row (prepared once, reset at their
// next use). They must not keep the log from being checkpointed: a kiosk's log then grew
// by every scan of the day instead of starting over at 1000 frames (some 4 MB).
TEST_F(StationTest, ADayOfScansKeepsTheLogWithinItsCheckpoints) {
    auto desk = station(StationMode::desk);
    auto returns = station(StationMode::return_);
    const auto log = temp_.path().string() + "-wal";
    std::uintmax_t largest = 0;
    for (int i = 0; i < 400; ++i) {
        scan(desk, "20000014");
        ASSERT_EQ(scan(desk, fiction_copy).outcome, Outcome::loan);
        ASSERT_EQ(scan(returns, fiction_copy).outcome, Outcome::returned);
        largest = std::max(largest, std::filesystem::file_size(log));
    }
    EXPECT_LT(largest, 6'000'000u) << "the log was not checkpointed and started over";
}

TEST_F(StationTest, ReaderCardOpensSessionAndCountsOneVisitADay) {
    auto s = station();
    auto outcome = scan(s, "20000014");
    EXPECT_EQ(outcome.outcome, Outcome::session);
    EXPECT_EQ(outcome.kind, CodeKind::reader);
    EXPECT_EQ(outcome.reader->name, "Қасымова Әлия");
    EXPECT_EQ(outcome.reader->class_name, "5Ә");
    scan(s, "KITAP-DONE");
    scan(s, "20000014");
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'visit'"), 1);
}

TEST_F(StationTest, AvailableCopyIsLentForTheKindsLoanPeriod) {
    auto s = station();
    scan(s, "20000014");
    auto outcome = scan(s, fiction_copy);
    EXPECT_EQ(outcome.outcome, Outcome::loan);
    EXPECT_EQ(outcome.title, "Абай жолы");
    EXPECT_EQ(outcome.reader->card, "20000014");
    EXPECT_EQ(iso_date(*outcome.due), "2026-12-09");
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL AND reader_id = 1"), 1);
    EXPECT_EQ(
        count("SELECT count(*) FROM event WHERE action = 'loan' AND actor_role = 'reader' AND actor_card = '20000014'"),
        1);
}

TEST_F(StationTest, TeachersKeepFictionLonger) {
    auto s = station();
    scan(s, "20000030");
    EXPECT_EQ(iso_date(*scan(s, fiction_copy).due), "2026-12-25");
}

TEST_F(StationTest, DoubleFireWithinTheWindowChangesNothing) {
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    now_ += 1s;
    auto again = s.handle({.text = fiction_copy}, now_).last();
    EXPECT_EQ(again.outcome, Outcome::duplicate);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 1);
    EXPECT_EQ(scan(s, fiction_copy).outcome, Outcome::returned);  // a deliberate second scan, later
}

TEST_F(StationTest, DoubleFiredCardDoesNotReopenTheSession) {
    auto s = station();
    scan(s, "20000014");
    now_ += 1s;
    EXPECT_EQ(s.handle({.text = "20000014"}, now_).last().outcome, Outcome::duplicate);
}

TEST_F(StationTest, OwnCopyIsReturned) {
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    auto outcome = scan(s, fiction_copy);
    EXPECT_EQ(outcome.outcome, Outcome::returned);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'return'"), 1);
}

TEST_F(StationTest, SelfServiceRefusesSomeoneElsesBook) {
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    scan(s, "20000022");
    auto outcome = scan(s, fiction_copy);
    EXPECT_EQ(outcome.outcome, Outcome::refused);
    EXPECT_EQ(outcome.reason, Reason::on_loan_to_other);
    EXPECT_EQ(count("SELECT reader_id FROM loan WHERE returned_at IS NULL"), 1);
}

TEST_F(StationTest, DeskMovesSomeoneElsesBookToTheCurrentReader) {
    auto s = station(StationMode::desk);
    scan(s, "20000014");
    scan(s, fiction_copy);
    scan(s, "20000022");
    auto outcome = scan(s, fiction_copy);
    EXPECT_EQ(outcome.outcome, Outcome::loan);
    EXPECT_EQ(outcome.previous_holder, "20000014");
    EXPECT_EQ(count("SELECT reader_id FROM loan WHERE returned_at IS NULL"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'return' AND actor_role = 'librarian'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'loan'"), 2);
}

TEST_F(StationTest, ItemWithoutSessionIsReturnedIfOnLoanElseRefused) {
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    scan(s, "KITAP-DONE");
    auto returned = scan(s, fiction_copy);
    EXPECT_EQ(returned.outcome, Outcome::returned);
    EXPECT_EQ(returned.reader->card, "20000014");
    auto refused = scan(s, fiction_copy);
    EXPECT_EQ(refused.outcome, Outcome::refused);
    EXPECT_EQ(refused.reason, Reason::no_session);
}

TEST_F(StationTest, UnknownCodesAndUncataloguedIsbns) {
    auto s = station();
    auto unknown = scan(s, "HELLO");
    EXPECT_EQ(unknown.kind, CodeKind::unknown);
    EXPECT_EQ(unknown.reason, Reason::unknown_code);
    auto isbn = scan(s, uncatalogued_isbn);
    EXPECT_EQ(isbn.kind, CodeKind::title);
    EXPECT_EQ(isbn.reason, Reason::not_in_catalog);
    auto bad_check_digit = scan(s, "9786010000033");
    EXPECT_EQ(bad_check_digit.kind, CodeKind::unknown);
}

TEST_F(StationTest, ReaderWhoLeftIsRefused) {
    auto s = station();
    auto outcome = scan(s, "20000048");
    EXPECT_EQ(outcome.outcome, Outcome::refused);
    EXPECT_EQ(outcome.reason, Reason::reader_left);
    EXPECT_FALSE(s.session_reader());
}

TEST_F(StationTest, OverdueReaderIsRefusedWithTheListButMayReturn) {
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    now_ += days{20};
    auto session = scan(s, "20000014");
    ASSERT_EQ(session.overdue.size(), 1u);
    auto outcome = scan(s, second_copy);
    EXPECT_EQ(outcome.reason, Reason::overdue_items);
    ASSERT_EQ(outcome.overdue.size(), 1u);
    EXPECT_EQ(outcome.overdue[0].code, fiction_copy);
    EXPECT_EQ(scan(s, fiction_copy).outcome, Outcome::returned);
    EXPECT_EQ(scan(s, second_copy).outcome, Outcome::loan);
}

TEST_F(StationTest, LoanLimitByCategory) {
    rules_.loans.loan_limits[ReaderCategory::pupil] = 1;
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    auto outcome = scan(s, second_copy);
    EXPECT_EQ(outcome.reason, Reason::limit_reached);
    EXPECT_EQ(outcome.limit, 1);
}

TEST_F(StationTest, TextbooksDoNotCountTowardsTheLimitAndAreDueAtYearEnd) {
    rules_.loans.loan_limits[ReaderCategory::pupil] = 1;
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    auto outcome = scan(s, textbook_isbn);
    EXPECT_EQ(outcome.outcome, Outcome::loan);
    EXPECT_EQ(iso_date(*outcome.due), "2027-05-31");
}

TEST_F(StationTest, TitleLevelStockRunsOut) {
    auto s = station();
    scan(s, "20000014");
    EXPECT_EQ(scan(s, textbook_isbn).outcome, Outcome::loan);
    scan(s, "20000022");
    EXPECT_EQ(scan(s, textbook_isbn).outcome, Outcome::loan);
    scan(s, "20000030");
    EXPECT_EQ(scan(s, textbook_isbn).reason, Reason::no_free_stock);
    auto returns = station(StationMode::return_);
    scan(returns, "20000022");
    EXPECT_EQ(scan(returns, textbook_isbn).outcome, Outcome::returned);
    EXPECT_EQ(count("SELECT coalesce(sum(quantity), 0) FROM loan WHERE returned_at IS NULL"), 1);
}

TEST_F(StationTest, TitleLevelScanNeedsACard) {
    auto s = station();
    EXPECT_EQ(scan(s, textbook_isbn).reason, Reason::no_session);
}

TEST_F(StationTest, IsbnOfATitleHeldAsLabelledCopiesAsksForTheLabel) {
    auto s = station();
    scan(s, "20000014");
    auto outcome = scan(s, labelled_isbn);
    EXPECT_EQ(outcome.kind, CodeKind::title);
    EXPECT_EQ(outcome.reason, Reason::scan_copy_label);
}

TEST_F(StationTest, WrittenOffCopyIsNotLent) {
    auto s = station();
    scan(s, "20000014");
    EXPECT_EQ(scan(s, "10000041").reason, Reason::written_off);
}

TEST_F(StationTest, DoneEndsTheSessionAndModeCommandsAreForTheDesk) {
    auto s = station();
    scan(s, "20000014");
    auto done = scan(s, "KITAP-DONE");
    EXPECT_EQ(done.outcome, Outcome::ended);
    EXPECT_EQ(done.reason, Reason::done);
    EXPECT_FALSE(s.session_reader());
    EXPECT_EQ(scan(s, "KITAP-MODE-DESK").reason, Reason::librarian_only);
    EXPECT_EQ(s.mode(), StationMode::self);
    auto desk = station(StationMode::desk);
    EXPECT_EQ(scan(desk, "KITAP-MODE-SELF").outcome, Outcome::ended);
    EXPECT_EQ(desk.mode(), StationMode::self);
}

TEST_F(StationTest, IdleSessionExpires) {
    auto s = station();
    scan(s, "20000014");
    EXPECT_FALSE(s.expire_idle_session(now_ + 29s));
    auto ended = s.expire_idle_session(now_ + 30s);
    ASSERT_TRUE(ended);
    EXPECT_EQ(ended->reason, Reason::idle_timeout);
    EXPECT_EQ(ended->reader->card, "20000014");
    now_ += 30s;
    EXPECT_EQ(scan(s, second_copy).reason, Reason::no_session);
}

TEST_F(StationTest, IdleTimeoutAppliesBeforeTheNextScan) {
    auto s = station();
    scan(s, "20000014");
    now_ += 60s;
    EXPECT_EQ(scan(s, fiction_copy).reason, Reason::no_session);
}

TEST_F(StationTest, AnotherCardSwitchesTheSession) {
    auto s = station();
    scan(s, "20000014");
    auto outcome = scan(s, "20000022");
    EXPECT_EQ(outcome.outcome, Outcome::session);
    EXPECT_EQ(s.session_reader()->card, "20000022");
}

TEST_F(StationTest, ConfiguredPrefixesSuffixesAndLeadingZerosAreStripped) {
    rules_.codes.strip_prefixes = {"]C1"};
    rules_.codes.strip_suffixes = {"#"};
    rules_.codes.strip_leading_zeros = true;
    auto s = station();
    EXPECT_EQ(scan(s, "]C100020000014#\r\n").outcome, Outcome::session);
}

// ---- Textbooks: the class set decides -------------------------------------

class TextbookStationTest : public StationTest {
protected:
    void SetUp() override {
        StationTest::SetUp();
        auto& db = temp_.db();
        db.exec(R"(INSERT INTO title (id, title, isbn, kind, grade, subject, stock, price_tiyn) VALUES
            (10, 'Қазақ тілі. 5-сынып', '9786010000049', 'textbook', 5, 'Қазақ тілі', 10, 250000),
            (11, 'Алгебра. 7-сынып', '9786010000056', 'textbook', 7, 'Алгебра', 10, 300000),
            (12, 'Қазақ тілі. 4-сынып', '9786010000063', 'textbook', 4, 'Қазақ тілі', 10, 200000))");
        db.exec("UPDATE curriculum SET per_pupil = 2 WHERE title_id = 2");
        db.exec(
            "INSERT INTO curriculum (grade, language, title_id, per_pupil, subject) VALUES (5, 'kk', 10, 1, 'Қазақ "
            "тілі')");
        db.exec("UPDATE title SET stock = 10 WHERE id = 2");
    }
};

TEST_F(TextbookStationTest, PupilTakesTheirClassSetAtTheKioskOnce) {
    auto s = station();
    scan(s, "20000014");
    EXPECT_EQ(scan(s, "9786010000049").outcome, Outcome::loan);
    EXPECT_EQ(scan(s, "9786010000049").reason, Reason::already_has);
}

TEST_F(TextbookStationTest, PerPupilCountAllowsSeveralCopies) {
    auto s = station();
    scan(s, "20000014");
    EXPECT_EQ(scan(s, textbook_isbn).outcome, Outcome::loan);
    EXPECT_EQ(scan(s, textbook_isbn).outcome, Outcome::loan);
    EXPECT_EQ(scan(s, textbook_isbn).reason, Reason::already_has);
}

TEST_F(TextbookStationTest, KioskRefusesTextbooksOutsideTheClassSet) {
    auto s = station();
    scan(s, "20000014");
    EXPECT_EQ(scan(s, "9786010000056").reason, Reason::not_in_curriculum);
    EXPECT_EQ(count("SELECT count(*) FROM loan"), 0);
}

TEST_F(TextbookStationTest, DeskIssuesOutsideTheClassSetAndFlagsIt) {
    auto s = station(StationMode::desk);
    scan(s, "20000014");
    auto outcome = scan(s, "9786010000056");
    EXPECT_EQ(outcome.outcome, Outcome::loan);
    EXPECT_TRUE(outcome.off_curriculum);
    EXPECT_EQ(scan(s, "9786010000056").reason, Reason::already_has);
}

TEST_F(TextbookStationTest, AnOverdueNovelDoesNotBlockTextbooks) {
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    now_ += days{30};
    scan(s, "20000014");
    EXPECT_EQ(scan(s, "9786010000049").outcome, Outcome::loan);
    EXPECT_EQ(scan(s, second_copy).reason, Reason::overdue_items);
}

TEST_F(TextbookStationTest, LastYearsBookOfTheSubjectMustComeBackFirst) {
    temp_.db().exec(R"(INSERT INTO loan (reader_id, title_id, quantity, loaned_at, due)
                       VALUES (1, 12, 1, '2025-09-02T08:00:00Z', '2026-05-31'))");
    auto s = station(StationMode::desk);
    scan(s, "20000014");
    auto outcome = scan(s, "9786010000049");
    EXPECT_EQ(outcome.reason, Reason::textbook_debt);
    ASSERT_EQ(outcome.overdue.size(), 1u);
    EXPECT_EQ(outcome.overdue[0].title, "Қазақ тілі. 4-сынып");
    EXPECT_EQ(scan(s, textbook_isbn).outcome, Outcome::loan);  // other subjects are not blocked
}

TEST_F(TextbookStationTest, ReturnModeTakesEverythingBackAndRecordsCondition) {
    auto desk = station(StationMode::desk);
    scan(desk, "20000014");
    scan(desk, "9786010000049");
    scan(desk, fiction_copy);
    auto returns = station(StationMode::return_);
    EXPECT_EQ(scan(returns, fiction_copy).outcome, Outcome::returned);  // a copy needs no card
    EXPECT_EQ(scan(returns, "9786010000049").reason, Reason::no_session);
    scan(returns, "20000014");
    auto worn = scan(returns, "KITAP-WORN");
    EXPECT_EQ(worn.outcome, Outcome::command);
    EXPECT_EQ(worn.condition, Condition::worn);
    auto back = scan(returns, "9786010000049");
    EXPECT_EQ(back.outcome, Outcome::returned);
    EXPECT_EQ(back.condition, Condition::worn);
    EXPECT_FALSE(back.compensation_tiyn);
    EXPECT_EQ(returns.next_condition(), Condition::good);
    EXPECT_EQ(scan(returns, "9786010000049").reason, Reason::not_on_loan);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE condition = 'worn'"), 1);
}

TEST_F(TextbookStationTest, LostTextbookLeavesTheFundAndACompensationDue) {
    auto desk = station(StationMode::desk);
    scan(desk, "20000014");
    scan(desk, "9786010000049");
    auto returns = station(StationMode::return_);
    scan(returns, "20000014");
    scan(returns, "KITAP-LOST");
    auto lost = scan(returns, "9786010000049");
    EXPECT_EQ(lost.condition, Condition::lost);
    EXPECT_EQ(lost.compensation_tiyn, 250000);
    EXPECT_EQ(count("SELECT stock FROM title WHERE id = 10"), 9);
    EXPECT_EQ(count("SELECT amount_tiyn FROM compensation WHERE reader_id = 1 AND settled_at IS NULL"), 250000);
}

TEST_F(TextbookStationTest, DamagedCopyStaysInTheFundWithACompensation) {
    temp_.db().exec("UPDATE title SET price_tiyn = 180000 WHERE id = 1");
    auto s = station(StationMode::desk);
    scan(s, "20000014");
    scan(s, fiction_copy);
    scan(s, "KITAP-MODE-RETURN");
    EXPECT_EQ(s.mode(), StationMode::return_);
    scan(s, "KITAP-DAMAGED");
    auto back = scan(s, fiction_copy);
    EXPECT_EQ(back.compensation_tiyn, 180000);
    EXPECT_EQ(count("SELECT count(*) FROM copy WHERE barcode = '10000017' AND status = 'in_fund'"), 1);
}

TEST_F(TextbookStationTest, ConditionsAreForTheLibrarian) {
    auto s = station();
    EXPECT_EQ(scan(s, "KITAP-LOST").reason, Reason::librarian_only);
    EXPECT_EQ(scan(s, "KITAP-MODE-RETURN").reason, Reason::librarian_only);
}

// ---- Stocktake mode: counted, nothing lent ----------------------------------

TEST_F(StationTest, StocktakeModeCountsAndLendsNothing) {
    auto s = station(StationMode::desk);
    EXPECT_EQ(scan(s, "KITAP-MODE-STOCKTAKE").outcome, Outcome::ended);
    EXPECT_EQ(s.mode(), StationMode::stocktake);
    EXPECT_EQ(scan(s, fiction_copy).reason, Reason::no_stocktake);
    temp_.db().exec("INSERT INTO stocktake (scope, started_at) VALUES ('all', '2026-11-25T09:00:00Z')");
    auto counted = scan(s, fiction_copy);
    EXPECT_EQ(counted.outcome, Outcome::recorded);
    ASSERT_TRUE(counted.stocktake);
    EXPECT_EQ(counted.stocktake->finding, StocktakeFinding::expected);
    EXPECT_EQ(scan(s, "20000014").reason, Reason::unknown_code);  // a card is no stock
    EXPECT_EQ(count("SELECT count(*) FROM loan"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM stocktake_scan"), 2);  // the card too, as an unknown code for the report
}

// ---- Card guessing: four idle cards in a row pause self-service ---------------

// Someone walks printed cards of consecutive pupils past the kiosk: 20000014,
// 20000022, 20000030, 20000055 ... each opens a session and takes nothing.
class CardWalkTest : public StationTest {
protected:
    void SetUp() override {
        StationTest::SetUp();
        temp_.db().exec(
            "INSERT INTO reader (id, card, full_name, category, class_id) VALUES "
            "(5, '20000055', 'Әбенова Ғалия', 'pupil', 1), (6, '20000063', 'Төлеуов Нұрбол', 'pupil', 1)");
    }

    std::vector<AuditEntry> audit() {
        std::vector<AuditEntry> entries;
        for_each_audit_entry(temp_.db(), now_ - 1h, [&](const AuditEntry& entry) { entries.push_back(entry); });
        return entries;
    }
};

TEST_F(CardWalkTest, TheFourthIdleCardInAMinuteIsRefusedAndSelfServicePauses) {
    auto s = station();
    for (const char* card : {"20000014", "20000022", "20000030"}) EXPECT_EQ(scan(s, card).outcome, Outcome::session);
    const Timestamp refused_at = now_ + 5s;
    auto fourth = scan(s, "20000055");
    EXPECT_EQ(fourth.outcome, Outcome::refused);
    EXPECT_EQ(fourth.reason, Reason::too_many_cards);
    EXPECT_FALSE(fourth.reader) << "nothing of the fourth pupil is shown";
    EXPECT_FALSE(s.session_reader()) << "nor of the third";
    EXPECT_EQ(fourth.until, refused_at + 60s);

    // Paused: every scan is refused unread, whatever it is.
    for (const char* code : {"20000063", fiction_copy, "KITAP-DONE", "20000014"}) {
        auto paused = scan(s, code);
        EXPECT_EQ(paused.reason, Reason::too_many_cards) << code;
        EXPECT_EQ(paused.kind, CodeKind::unknown) << code;
        EXPECT_FALSE(paused.reader) << code;
        EXPECT_EQ(paused.until, refused_at + 60s);
    }
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 3);

    // The librarian sees it in the audit, with the cards that were tried.
    const auto entries = audit();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "self_service_paused");
    EXPECT_EQ(entries[0].reader_card, "20000055");
    EXPECT_EQ(entries[0].detail, "cards=20000014,20000022,20000030,20000055");
    EXPECT_EQ(entries[0].at, refused_at);

    now_ = refused_at + 60s;  // a minute later self-service opens again
    EXPECT_EQ(s.handle({.text = "20000063"}, now_).last().outcome, Outcome::session);
}

TEST_F(CardWalkTest, ALoanOrAReturnBreaksTheRun) {
    auto s = station();
    scan(s, "20000014");
    EXPECT_EQ(scan(s, fiction_copy).outcome, Outcome::loan);
    for (const char* card : {"20000022", "20000030", "20000055"}) EXPECT_EQ(scan(s, card).outcome, Outcome::session);
    EXPECT_EQ(scan(s, "20000063").reason, Reason::too_many_cards);  // the three after the loan, and this one

    now_ += 2min;
    scan(s, "20000014");
    scan(s, "20000022");
    scan(s, "20000014");
    EXPECT_EQ(scan(s, fiction_copy).outcome, Outcome::returned);  // the first pupil brings the book back
    EXPECT_EQ(scan(s, "20000030").outcome, Outcome::session);
    EXPECT_EQ(scan(s, "20000055").outcome, Outcome::session);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'self_service_paused'"), 1);
}

TEST_F(CardWalkTest, CardsSpreadOverMoreThanAMinuteAreNoWalk) {
    auto s = station();
    for (const char* card : {"20000014", "20000022", "20000030", "20000055", "20000063"}) {
        now_ += 20s;
        EXPECT_EQ(s.handle({.text = card}, now_).last().outcome, Outcome::session) << card;
    }
}

TEST_F(CardWalkTest, TheLibrariansDeskIsNotThrottled) {
    auto s = station(StationMode::desk);
    for (const char* card : {"20000014", "20000022", "20000030", "20000055", "20000063"})
        EXPECT_EQ(scan(s, card).outcome, Outcome::session) << card;
}

// ---- Reader PINs ----------------------------------------------------------------

class ReaderPinTest : public StationTest {
protected:
    Station station_with(ReaderPinPolicy policy, StationMode mode = StationMode::self) {
        rules_.station.reader_pin = policy;
        return station(mode);
    }

    void give_pin(const std::string& card, const std::string& pin) {
        ASSERT_EQ(set_reader_pin(store_, card, pin, now_, "test"), ReaderPinChange::done);
    }

    StationOutcome submit(Station& s, const std::string& pin) {
        now_ += 2s;
        return s.submit_pin(pin, now_).last();
    }
};

TEST_F(ReaderPinTest, OffOpensTheSessionWithoutAPinEvenWhenOneIsSet) {
    give_pin("20000014", "4071");
    auto s = station_with(ReaderPinPolicy::off);
    EXPECT_EQ(scan(s, "20000014").outcome, Outcome::session);
}

TEST_F(ReaderPinTest, WhenSetAsksOnlyReadersWithAPinAndShowsNothingBeforeTheRightOne) {
    give_pin("20000014", "4071");
    auto s = station_with(ReaderPinPolicy::when_set);
    EXPECT_EQ(scan(s, "20000022").outcome, Outcome::session);  // no PIN set: straight in

    auto asked = scan(s, "20000014");
    EXPECT_EQ(asked.outcome, Outcome::pin_required);
    EXPECT_EQ(asked.code, "20000014");
    EXPECT_FALSE(asked.reader);
    EXPECT_TRUE(asked.overdue.empty());
    EXPECT_FALSE(s.session_reader()) << "the previous pupil's session ended with the card";
    EXPECT_TRUE(s.awaits_pin());

    auto wrong = submit(s, "1234");
    EXPECT_EQ(wrong.outcome, Outcome::refused);
    EXPECT_EQ(wrong.reason, Reason::wrong_pin);
    EXPECT_EQ(wrong.tries_left, 4);
    EXPECT_FALSE(wrong.reader);
    EXPECT_FALSE(s.session_reader());
    EXPECT_EQ(scan(s, fiction_copy).reason, Reason::no_session) << "a wrong PIN lends nothing";

    scan(s, "20000014");
    auto right = submit(s, "4071");
    EXPECT_EQ(right.outcome, Outcome::session);
    ASSERT_TRUE(right.reader);
    EXPECT_EQ(right.reader->name, "Қасымова Әлия");
    EXPECT_EQ(scan(s, fiction_copy).outcome, Outcome::loan);
    EXPECT_EQ(
        count("SELECT count(*) FROM event WHERE action = 'reader_pin_wrong' AND actor_role = 'none' AND reader_id = 1"),
        1);
    EXPECT_EQ(count("SELECT wrong_tries FROM reader_pin WHERE reader_id = 1"), 0)
        << "the right PIN starts the count again";
}

TEST_F(ReaderPinTest, RequiredRefusesACardWithoutAPinAndNamesNoOne) {
    give_pin("20000014", "4071");
    auto s = station_with(ReaderPinPolicy::required);
    auto none = scan(s, "20000022");
    EXPECT_EQ(none.outcome, Outcome::refused);
    EXPECT_EQ(none.reason, Reason::pin_not_set);
    EXPECT_FALSE(none.reader);
    EXPECT_EQ(scan(s, "20000014").outcome, Outcome::pin_required);
    EXPECT_EQ(submit(s, "4071").outcome, Outcome::session);
    EXPECT_EQ(count("SELECT count(*) FROM visit WHERE reader_id = 2"), 0);
}

TEST_F(ReaderPinTest, TheDeskAsksNoPin) {
    auto s = station_with(ReaderPinPolicy::required, StationMode::desk);
    EXPECT_EQ(scan(s, "20000022").outcome, Outcome::session);
}

TEST_F(ReaderPinTest, FiveWrongPinsLockTheCardEvenForAnotherStation) {
    give_pin("20000014", "4071");
    auto s = station_with(ReaderPinPolicy::when_set);
    scan(s, "20000014");
    for (int tries_left = 4; tries_left > 0; --tries_left) EXPECT_EQ(submit(s, "0000").tries_left, tries_left);
    const Timestamp locked_at = now_ + 2s;
    auto locked = submit(s, "0000");
    EXPECT_EQ(locked.reason, Reason::pin_locked);
    EXPECT_EQ(locked.until, locked_at + 15min);
    EXPECT_FALSE(locked.reader);
    EXPECT_FALSE(s.awaits_pin());
    EXPECT_EQ(submit(s, "4071").reason, Reason::no_pin_pending) << "the locked card waits for nothing";

    auto restarted = station_with(ReaderPinPolicy::when_set);  // a restarted kiosk, or the next one
    auto still = scan(restarted, "20000014");
    EXPECT_EQ(still.reason, Reason::pin_locked);
    EXPECT_EQ(still.until, locked_at + 15min);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'reader_pin_wrong' AND reader_id = 1"), 5);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'reader_pin_locked_out' AND reader_id = 1"), 1);

    now_ = locked_at + 15min;
    EXPECT_EQ(scan(restarted, "20000014").outcome, Outcome::pin_required);
    EXPECT_EQ(submit(restarted, "4071").outcome, Outcome::session);
}

TEST_F(ReaderPinTest, AnythingElseScannedOrTimeForgetsTheWaitingCard) {
    give_pin("20000014", "4071");
    auto s = station_with(ReaderPinPolicy::when_set);
    scan(s, "20000014");
    EXPECT_EQ(scan(s, fiction_copy).reason, Reason::no_session);
    EXPECT_EQ(submit(s, "4071").reason, Reason::no_pin_pending);

    scan(s, "20000014");
    now_ += rules_.station.idle_timeout;
    auto ended = s.expire_idle_session(now_);
    ASSERT_TRUE(ended);
    EXPECT_EQ(ended->reason, Reason::idle_timeout);
    EXPECT_FALSE(ended->reader);
    EXPECT_EQ(submit(s, "4071").reason, Reason::no_pin_pending);

    scan(s, "20000014");
    now_ += 1s;
    EXPECT_EQ(s.handle({.text = "20000014"}, now_).last().outcome, Outcome::duplicate);  // the card read twice
    EXPECT_EQ(submit(s, "4071").outcome, Outcome::session) << "a double read keeps the card waiting";
}

// ---- Renewals ----------------------------------------------------------------

class RenewalTest : public StationTest {
protected:
    StationResult press(Station& s, StationCommand command) {
        now_ += 5s;
        return s.handle(command, now_);
    }

    // The session list's line for an item, as the screen gets it.
    SessionItem line_of(Station& s, const std::string& code) {
        for (const auto& line : s.snapshot(now_).held)
            if (line.item.code == code) return line;
        ADD_FAILURE() << code << " is not in the session list";
        return {};
    }

    int renewals_of(const std::string& copy) {
        return count("SELECT renewals FROM loan l JOIN copy c ON c.id = l.copy_id WHERE c.barcode = '" + copy +
                     "' AND l.returned_at IS NULL");
    }

    void days_pass(int days) { now_ += std::chrono::days(days); }

    // The pupil borrows the fiction copy (due 2026-12-09) and comes back with it days later.
    void lend_then_come_back(Station& s, int days) {
        scan(s, "20000014");
        scan(s, fiction_copy);
        days_pass(days);
        scan(s, "20000014");
    }
};

TEST_F(RenewalTest, ScanningRenewThenTheBookRunsTheLoanPeriodFromToday) {
    auto s = station();
    lend_then_come_back(s, 10);
    const auto armed = scan(s, "KITAP-RENEW");
    EXPECT_EQ(armed.outcome, Outcome::command);
    EXPECT_EQ(armed.command, Command::renew);
    EXPECT_TRUE(s.snapshot(now_).renewing);
    const auto renewed = scan(s, fiction_copy);
    EXPECT_EQ(renewed.outcome, Outcome::renewed);
    EXPECT_EQ(renewed.kind, CodeKind::copy);
    EXPECT_EQ(renewed.title, "Абай жолы");
    EXPECT_EQ(iso_date(*renewed.due), "2026-12-19");
    EXPECT_EQ(renewed.renewals, 1);
    EXPECT_EQ(renewals_of(fiction_copy), 1);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE due = '2026-12-19' AND returned_at IS NULL"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'renew' AND actor_role = 'reader' AND actor_card = "
                    "'20000014' AND detail = 'due=2026-12-19'"),
              1);
    EXPECT_FALSE(s.snapshot(now_).renewing);
    EXPECT_EQ(scan(s, fiction_copy).outcome, Outcome::returned) << "the renewal was for one scan only";
}

TEST_F(RenewalTest, TheNewDueDateIsNeverEarlierThanTheCurrentOne) {
    {
        auto teacher = station();
        scan(teacher, "20000030");
        scan(teacher, fiction_copy);  // a teacher's month: due 2026-12-25
    }
    rules_.loans.loan_days_by_category.clear();  // the school shortens teachers' loans to 14 days
    auto s = station();
    scan(s, "20000030");
    scan(s, "KITAP-RENEW");
    const auto renewed = scan(s, fiction_copy);
    EXPECT_EQ(renewed.outcome, Outcome::renewed);
    EXPECT_EQ(iso_date(*renewed.due), "2026-12-25");
}

TEST_F(RenewalTest, OnTheDueDateStillRenewsTheDayAfterItDoesNot) {
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    scan(s, second_copy);
    days_pass(14);  // 2026-12-09, the due date
    scan(s, "20000014");
    scan(s, "KITAP-RENEW");
    EXPECT_EQ(scan(s, fiction_copy).outcome, Outcome::renewed);
    days_pass(1);
    scan(s, "20000014");
    scan(s, "KITAP-RENEW");
    const auto late = scan(s, second_copy);
    EXPECT_EQ(late.reason, Reason::not_renewable) << "a late book comes back first";
    EXPECT_EQ(renewals_of(second_copy), 0);
}

TEST_F(RenewalTest, NotWhileTheReaderHasOverdueItems) {
    auto s = station();
    lend_then_come_back(s, 10);
    scan(s, second_copy);  // due 2026-12-19
    days_pass(5);          // 2026-12-10: the first one is late
    scan(s, "20000014");
    scan(s, "KITAP-RENEW");
    const auto refused = scan(s, second_copy);
    EXPECT_EQ(refused.outcome, Outcome::refused);
    EXPECT_EQ(refused.reason, Reason::overdue_items);
    ASSERT_EQ(refused.overdue.size(), 1u);
    EXPECT_EQ(refused.overdue[0].code, fiction_copy);
    EXPECT_EQ(renewals_of(second_copy), 0);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'renew'"), 0);
}

TEST_F(RenewalTest, AtMostMaxRenewalsTimes) {
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    for (int time = 1; time <= 2; ++time) {
        scan(s, "KITAP-RENEW");
        EXPECT_EQ(scan(s, fiction_copy).renewals, time);
    }
    scan(s, "KITAP-RENEW");
    const auto third = scan(s, fiction_copy);
    EXPECT_EQ(third.reason, Reason::renewal_limit);
    EXPECT_EQ(third.limit, 2);
    EXPECT_EQ(renewals_of(fiction_copy), 2);
}

TEST_F(RenewalTest, MaxRenewalsZeroTurnsRenewalsOff) {
    rules_.loans.max_renewals = 0;
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    scan(s, "KITAP-RENEW");
    EXPECT_EQ(scan(s, fiction_copy).reason, Reason::renewal_limit);
}

TEST_F(RenewalTest, TextbooksAreNotRenewable) {
    auto s = station();
    scan(s, "20000014");
    EXPECT_EQ(scan(s, textbook_isbn).outcome, Outcome::loan);
    scan(s, "KITAP-RENEW");
    const auto refused = scan(s, textbook_isbn);
    EXPECT_EQ(refused.kind, CodeKind::title);
    EXPECT_EQ(refused.reason, Reason::not_renewable);
    EXPECT_FALSE(line_of(s, textbook_isbn).renewable);
}

TEST_F(RenewalTest, OnlyTheSessionReadersOwnLoansAtSelfService) {
    auto s = station();
    scan(s, "20000022");
    scan(s, fiction_copy);
    scan(s, "20000014");
    scan(s, "KITAP-RENEW");
    EXPECT_EQ(scan(s, fiction_copy).reason, Reason::not_renewable) << "someone else's book";
    scan(s, "KITAP-RENEW");
    EXPECT_EQ(scan(s, second_copy).reason, Reason::not_renewable) << "a book on the shelf";
    EXPECT_EQ(renewals_of(fiction_copy), 0);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 1) << "nothing lent or returned";
}

TEST_F(RenewalTest, SelfServiceNeedsACardFirstAndACardDisarmsTheRenewal) {
    auto s = station();
    EXPECT_EQ(scan(s, "KITAP-RENEW").reason, Reason::no_session);
    scan(s, "20000014");
    scan(s, "KITAP-RENEW");
    scan(s, "20000022");
    EXPECT_FALSE(s.snapshot(now_).renewing);
    EXPECT_EQ(scan(s, fiction_copy).outcome, Outcome::loan);
}

TEST_F(RenewalTest, StocktakeModeRenewsNothing) {
    auto s = station(StationMode::stocktake);
    EXPECT_EQ(scan(s, "KITAP-RENEW").reason, Reason::not_renewable);
}

TEST_F(RenewalTest, TheDeskRenewsWhoeverHoldsTheCopyAndTheAuditShowsIt) {
    auto self = station();
    scan(self, "20000014");
    scan(self, fiction_copy);
    auto desk = station(StationMode::desk);
    scan(desk, "KITAP-RENEW");
    const auto renewed = scan(desk, fiction_copy);
    EXPECT_EQ(renewed.outcome, Outcome::renewed);
    EXPECT_EQ(renewed.reader->card, "20000014");
    std::vector<AuditEntry> entries;
    for_each_audit_entry(temp_.db(), Timestamp{}, [&](const AuditEntry& entry) { entries.push_back(entry); });
    ASSERT_EQ(entries.size(), 1u) << "the pupil's own loan is not a librarian's action";
    EXPECT_EQ(entries[0].action, "renew");
    EXPECT_EQ(entries[0].actor, "librarian");
    EXPECT_EQ(entries[0].reader_card, "20000014");
    EXPECT_EQ(entries[0].item_code, fiction_copy);
    EXPECT_EQ(entries[0].detail, "due=2026-12-09");
}

TEST_F(RenewalTest, TheSessionListsButtonRenewsByLoanOnce) {
    auto s = station();
    lend_then_come_back(s, 3);
    const auto line = line_of(s, fiction_copy);
    EXPECT_TRUE(line.renewable);
    const auto result = press(s, RenewLoan{line.item.loan_id});
    ASSERT_EQ(result.outcomes.size(), 1u);
    EXPECT_EQ(result.last().outcome, Outcome::renewed);
    EXPECT_EQ(result.last().code, fiction_copy);
    EXPECT_EQ(iso_date(*result.last().due), "2026-12-12");
    EXPECT_EQ(iso_date(result.session.held.at(0).item.due), "2026-12-12");
    EXPECT_EQ(result.session.held.at(0).item.renewals, 1);
    now_ += 1s;
    EXPECT_EQ(s.handle(RenewLoan{line.item.loan_id}, now_).last().outcome, Outcome::duplicate) << "a double tap";
    EXPECT_EQ(renewals_of(fiction_copy), 1);
}

TEST_F(RenewalTest, TheButtonRenewsOnlyTheSessionReadersOpenLoan) {
    auto s = station();
    scan(s, "20000022");
    scan(s, fiction_copy);
    const RowId theirs = line_of(s, fiction_copy).item.loan_id;
    scan(s, "20000014");
    EXPECT_EQ(press(s, RenewLoan{theirs}).last().reason, Reason::not_renewable);
    scan(s, "KITAP-DONE");
    EXPECT_EQ(press(s, RenewLoan{theirs}).last().reason, Reason::not_renewable) << "no session";
    EXPECT_EQ(press(s, RenewLoan{9999}).last().reason, Reason::not_renewable) << "no such loan";
    EXPECT_EQ(renewals_of(fiction_copy), 0);
}

// ---- What a screen gets back --------------------------------------------------

TEST_F(StationTest, TheResultCarriesTheSessionSnapshot) {
    auto s = station();
    EXPECT_FALSE(scan(s, fiction_copy).reader);
    auto result = s.handle(Scan{.text = "20000014"}, now_ += 5s);
    ASSERT_TRUE(result.session.reader);
    EXPECT_EQ(result.session.reader->card, "20000014");
    ASSERT_TRUE(result.session.class_set);
    EXPECT_EQ(result.session.class_set->needed, 1);
    EXPECT_EQ(result.session.class_set->held, 0);
    ASSERT_EQ(result.session.class_set->lines.size(), 1u);

    s.handle(Scan{.text = fiction_copy}, now_ += 5s);
    result = s.handle(Scan{.text = textbook_isbn}, now_ += 5s);
    EXPECT_EQ(result.session.class_set->held, 1);
    ASSERT_EQ(result.session.held.size(), 2u);
    for (const auto& line : result.session.held) EXPECT_FALSE(line.late);

    now_ += std::chrono::days(15);  // the fiction book is late now
    result = s.handle(Scan{.text = "20000014"}, now_);
    ASSERT_EQ(result.session.held.size(), 2u);
    EXPECT_EQ(result.session.held[0].item.code, fiction_copy) << "late ones first";
    EXPECT_TRUE(result.session.held[0].late);
    EXPECT_FALSE(result.session.held[0].renewable);
    EXPECT_FALSE(result.session.held[1].late);

    result = s.handle(Command::done, now_ += 5s);
    EXPECT_FALSE(result.session.reader);
    EXPECT_TRUE(result.session.held.empty());
    EXPECT_FALSE(result.session.class_set);
}

TEST_F(StationTest, ATeacherHasNoClassSet) {
    auto s = station();
    const auto result = s.handle(Scan{.text = "20000030"}, now_);
    ASSERT_TRUE(result.session.reader);
    EXPECT_FALSE(result.session.class_set);
}

TEST_F(StationTest, HandleReportsTheIdleSessionsEndBeforeTheScansOwn) {
    auto s = station();
    scan(s, "20000014");
    now_ += rules_.station.idle_timeout;
    const auto result = s.handle(Scan{.text = fiction_copy}, now_);
    ASSERT_EQ(result.outcomes.size(), 2u);
    EXPECT_EQ(result.outcomes[0].outcome, Outcome::ended);
    EXPECT_EQ(result.outcomes[0].reason, Reason::idle_timeout);
    EXPECT_EQ(result.outcomes[0].reader->card, "20000014");
    EXPECT_EQ(result.last().reason, Reason::no_session);
    EXPECT_EQ(s.handle(Scan{.text = second_copy}, now_ += 5s).outcomes.size(), 1u) << "reported once";
}

TEST_F(StationTest, ButtonsSendCommandsAsValues) {
    auto s = station();
    scan(s, "20000014");
    const auto done = s.handle(Command::done, now_ += 5s);
    EXPECT_EQ(done.last().outcome, Outcome::ended);
    EXPECT_EQ(done.last().reason, Reason::done);
    EXPECT_EQ(done.last().code, "KITAP-DONE") << "reads as the scanned card would";
    EXPECT_FALSE(s.session_reader());

    auto returns = station(StationMode::return_);
    EXPECT_EQ(returns.handle(Command::damaged, now_ += 5s).last().condition, Condition::damaged);
    EXPECT_EQ(returns.next_condition(), Condition::damaged);
}

TEST_F(StationTest, SelfServiceAsksForTheLibrarianOnlyForTheDeskCommand) {
    auto s = station();
    const auto desk = scan(s, "KITAP-MODE-DESK");
    EXPECT_EQ(desk.reason, Reason::librarian_only);
    EXPECT_TRUE(desk.asks_for_librarian);
    const auto condition = scan(s, "KITAP-WORN");
    EXPECT_EQ(condition.reason, Reason::librarian_only);
    EXPECT_FALSE(condition.asks_for_librarian);
    EXPECT_TRUE(s.handle(Command::mode_desk, now_ += 5s).last().asks_for_librarian) << "as a value too";
    EXPECT_EQ(s.mode(), StationMode::self);
    auto at_desk = station(StationMode::desk);
    EXPECT_FALSE(scan(at_desk, "KITAP-MODE-RETURN").asks_for_librarian);
}

TEST(Severity, OneAnswerForSoundColourAndExitCode) {
    EXPECT_EQ(severity({.outcome = Outcome::loan}), Severity::success);
    EXPECT_EQ(severity({.outcome = Outcome::returned}), Severity::success);
    EXPECT_EQ(severity({.outcome = Outcome::renewed}), Severity::success);
    EXPECT_EQ(severity({.outcome = Outcome::session}), Severity::success);
    EXPECT_EQ(severity({.outcome = Outcome::session, .overdue = {HeldItem{.title = "Абай жолы"}}}), Severity::refusal);
    EXPECT_EQ(severity({.outcome = Outcome::refused, .reason = Reason::renewal_limit}), Severity::refusal);
    for (Outcome quiet : {Outcome::duplicate, Outcome::ended, Outcome::command, Outcome::pin_required})
        EXPECT_EQ(severity({.outcome = quiet}), Severity::notice) << to_string(quiet);
    StationOutcome counted{.outcome = Outcome::recorded, .stocktake = StocktakeScanResult{}};
    counted.stocktake->finding = StocktakeFinding::expected;
    EXPECT_EQ(severity(counted), Severity::success);
    counted.stocktake->repeated = true;
    EXPECT_EQ(severity(counted), Severity::notice);
    counted.stocktake->repeated = false;
    counted.stocktake->finding = StocktakeFinding::unexpected;
    EXPECT_EQ(severity(counted), Severity::refusal);
    EXPECT_EQ(to_string(Severity::refusal), "refusal");
}

TEST(RenewalRule, InTheOrderAPupilShouldHearIt) {
    const LoanRules rules;
    const Date today = 2026y / December / 9;
    EXPECT_FALSE(renewal_refusal(TitleKind::fiction, today, 0, false, rules, today));
    EXPECT_EQ(renewal_refusal(TitleKind::textbook, today, 0, false, rules, today), Reason::not_renewable);
    EXPECT_EQ(renewal_refusal(TitleKind::fiction, 2026y / December / 8, 0, true, rules, today), Reason::not_renewable);
    EXPECT_EQ(renewal_refusal(TitleKind::fiction, today, 2, true, rules, today), Reason::overdue_items);
    EXPECT_EQ(renewal_refusal(TitleKind::fiction, today, 2, false, rules, today), Reason::renewal_limit);
    EXPECT_FALSE(renewal_refusal(TitleKind::reference, today, 1, false, rules, today));
}

TEST_F(StationTest, ACheckoutNeverReturnsAndACheckinNeverLends) {
    auto s = station();
    scan(s, "20000014");
    scan(s, fiction_copy);
    scan(s, "KITAP-DONE");
    now_ += 5s;
    EXPECT_EQ(s.handle({.text = fiction_copy}, now_, ScanIntent::lend).last().reason, Reason::no_session)
        << "a checkout with no reader's session takes nothing back";
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 1);
    scan(s, "20000022");
    scan(s, fiction_copy);  // someone else's book: refused at self-service, still 20000014's
    scan(s, "20000014");
    now_ += 5s;
    auto again = s.handle({.text = fiction_copy}, now_, ScanIntent::lend).last();
    EXPECT_EQ(again.reason, Reason::already_on_loan) << "a checkout of the reader's own book";
    now_ += 5s;
    auto shelf = s.handle({.text = "10000025"}, now_, ScanIntent::take_back).last();
    EXPECT_EQ(shelf.reason, Reason::not_on_loan) << "a checkin of a book on the shelf lends nothing";
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE returned_at IS NULL"), 1);
    now_ += 5s;
    EXPECT_EQ(s.handle({.text = "20000022"}, now_, ScanIntent::lend).last().reason, Reason::not_an_item)
        << "a card where a book must come opens nothing";
    EXPECT_EQ(s.session_reader()->card, "20000014");
    now_ += 5s;
    EXPECT_EQ(s.handle({.text = fiction_copy}, now_, ScanIntent::take_back).last().outcome, Outcome::returned);
}

TEST_F(StationTest, ABlockedCardOpensNoSelfServiceSessionButTheDeskSeesIt) {
    temp_.db().exec(
        "UPDATE reader SET card_blocked_at = '2026-11-25T09:00:00Z', card_blocked_by = 'sip2:gate' "
        "WHERE card = '20000014'");
    auto self = station();
    EXPECT_EQ(scan(self, "20000014").reason, Reason::card_blocked);
    EXPECT_FALSE(self.session_reader());
    auto desk = station(StationMode::desk);
    const auto opened = scan(desk, "20000014");
    EXPECT_EQ(opened.outcome, Outcome::session) << "the librarian serves the pupil and unblocks the card";
}

}  // namespace
}  // namespace kitap::core
