#include "core/offline/offline_station.hpp"

#include "core/offline/offline_cache.hpp"
#include "tests/support/file_size_limit.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>

#include <climits>
#include <cstdlib>
#include <ctime>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr const char* pupil = "20000014";
constexpr const char* classmate = "20000022";
constexpr const char* teacher = "20000030";  // holds a late book
constexpr const char* left_pupil = "20000048";
constexpr const char* pin_pupil = "20000056";
constexpr const char* free_copy = "10000017";
constexpr const char* classmates_copy = "10000025";
constexpr const char* teachers_late_copy = "10000033";
constexpr const char* written_off_copy = "10000041";
constexpr const char* lost_copy = "10000058";
constexpr const char* textbook_copy = "10000066";
constexpr const char* second_free_copy = "10000074";
constexpr const char* textbook_isbn = "9786010000001";

// One school, asked of Station on its database and of OfflineStation on the snapshot of it.
class OfflineStationTest : public ::testing::Test {
protected:
    void SetUp() override {
        setenv("TZ", "UTC", 1);
        tzset();
        auto& db = school_.db();
        school_.add_class("2026-2027", 5, "Ә");
        db.exec(R"(INSERT INTO reader (id, card, full_name, category, class_id, status) VALUES
            (1, '20000014', 'Қасымова Әлия', 'pupil', 1, 'active'),
            (2, '20000022', 'Нұрланұлы Ерасыл', 'pupil', 1, 'active'),
            (3, '20000030', 'Иванова Мария Сергеевна', 'teacher', NULL, 'active'),
            (4, '20000048', 'Серікұлы Дәурен', 'pupil', 1, 'left'),
            (5, '20000056', 'Ахметова Дана', 'pupil', 1, 'active'))");
        db.exec(R"(INSERT INTO reader_pin (reader_id, pin_hash, set_at) VALUES
            (5, '$argon2id$v=19$m=19456,t=2,p=1$stand-in', '2026-09-01T00:00:00Z'))");
        db.exec(R"(INSERT INTO title (id, title, isbn, kind, grade, stock, subject) VALUES
            (1, 'Абай жолы', NULL, 'fiction', NULL, 0, ''),
            (2, 'Математика. 5-сынып. 1-бөлім', '9786010000001', 'textbook', 5, 2, 'Математика'),
            (3, 'Қара сөздер', '9786010000018', 'fiction', NULL, 0, ''),
            (4, 'Қазақ тілі. 5-сынып', NULL, 'textbook', 5, 0, 'Қазақ тілі'))");
        db.exec(R"(INSERT INTO copy (id, barcode, title_id, status) VALUES
            (1, '10000017', 1, 'in_fund'), (2, '10000025', 1, 'in_fund'), (3, '10000033', 3, 'in_fund'),
            (4, '10000041', 3, 'written_off'), (5, '10000058', 3, 'lost'), (6, '10000066', 4, 'in_fund'),
            (7, '10000074', 3, 'in_fund'))");
        db.exec(R"(INSERT INTO loan (reader_id, title_id, copy_id, quantity, loaned_at, due) VALUES
            (2, 1, 2, 1, '2026-11-20T09:00:00Z', '2026-12-04'),
            (3, 3, 3, 1, '2026-10-01T09:00:00Z', '2026-10-31'))");
    }

    void take_snapshot() {
        if (!journal_) journal_ = std::move(*OfflineJournal::open(school_.dir() / "journal.db", "hall"));
        OfflineCache cache(*journal_);
        ASSERT_TRUE(cache.replace(read_offline_snapshot(school_.db(), rules_, now_)));
        offline_.emplace(*journal_, rules_);
    }

    StationOutcome offline_scan(const std::string& code) {
        now_ += 5s;  // beyond the double-scan window unless a test says otherwise
        return last_of(offline_->handle(Scan{.text = code, .symbology = "", .source = "test"}, now_));
    }

    static StationOutcome last_of(const OrFault<StationResult>& result) {
        if (!result) throw std::runtime_error(result.error().detail);
        return result->last();
    }

    std::vector<JournalEntry> journal() { return *journal_->waiting(INT_MAX); }

    testing::TestSchool school_;
    Rules rules_;
    Timestamp now_ = sys_days{2026y / November / 25} + 10h;
    std::optional<OfflineJournal> journal_;
    std::optional<OfflineStation> offline_;
};

// What a pupil and a teacher do at the kiosk, scan for scan as Station answers it.
TEST_F(OfflineStationTest, AnswersAsStationDoesForWhatTheCacheKnows) {
    const std::vector<std::string> visit = {pupil,
                                            free_copy,
                                            free_copy,
                                            free_copy,
                                            classmates_copy,
                                            written_off_copy,
                                            lost_copy,
                                            "KITAP-DONE",
                                            free_copy,
                                            left_pupil,
                                            classmates_copy,
                                            teacher,
                                            teachers_late_copy,
                                            second_free_copy,
                                            "KITAP-DONE",
                                            classmate,
                                            second_free_copy,
                                            "KITAP-DONE"};
    take_snapshot();
    LibraryStore store(school_.db());
    Station station(store, rules_, StationMode::self, "hall");
    const Timestamp start = now_;
    std::vector<StationOutcome> online;
    for (const auto& code : visit) {
        now_ += 5s;
        online.push_back(station.handle(Scan{.text = code, .symbology = "", .source = "test"}, now_).last());
    }
    now_ = start;
    for (std::size_t i = 0; i < visit.size(); ++i) {
        SCOPED_TRACE("scan " + std::to_string(i) + ": " + visit[i]);
        const auto offline = offline_scan(visit[i]);
        EXPECT_EQ(offline.outcome, online[i].outcome);
        EXPECT_EQ(offline.reason, online[i].reason);
        EXPECT_EQ(offline.kind, online[i].kind);
        EXPECT_EQ(offline.code, online[i].code);
        EXPECT_EQ(offline.title, online[i].title);
        EXPECT_EQ(offline.due, online[i].due);
        EXPECT_EQ(offline.limit, online[i].limit);
        EXPECT_EQ(offline.condition, online[i].condition);
        EXPECT_EQ(offline.overdue.size(), online[i].overdue.size());
        EXPECT_EQ(offline.reader.has_value(), online[i].reader.has_value());
        if (offline.reader && online[i].reader) {
            EXPECT_EQ(offline.reader->card, online[i].reader->card);
        }
    }
}

TEST_F(OfflineStationTest, EveryAcceptedScanIsInTheJournalWhenItsOutcomeComesBack) {
    take_snapshot();
    EXPECT_EQ(offline_scan(pupil).outcome, Outcome::session);
    ASSERT_EQ(journal().size(), 1u);
    EXPECT_EQ(journal()[0].card, pupil);
    EXPECT_EQ(journal()[0].code, pupil);
    EXPECT_EQ(offline_scan(free_copy).outcome, Outcome::loan);
    EXPECT_EQ(offline_scan(written_off_copy).reason, Reason::written_off);  // refused: not journaled
    EXPECT_EQ(offline_scan("KITAP-DONE").outcome, Outcome::ended);
    EXPECT_EQ(offline_scan(classmates_copy).outcome, Outcome::returned);  // handed in with no card
    const auto entries = journal();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[1].card, pupil);
    EXPECT_EQ(entries[1].code, free_copy);
    EXPECT_EQ(entries[1].scanned_at, now_ - 15s);
    EXPECT_EQ(entries[2].card, "");
    EXPECT_EQ(entries[2].code, classmates_copy);
    for (const auto& entry : entries) {
        EXPECT_EQ(entry.station, "hall");
        EXPECT_EQ(entry.mode, StationMode::self);
    }
}

TEST_F(OfflineStationTest, ACopyLentOfflineIsNotLentTwiceEvenAfterARestart) {
    take_snapshot();
    offline_scan(pupil);
    ASSERT_EQ(offline_scan(free_copy).outcome, Outcome::loan);
    offline_.reset();
    journal_.reset();
    journal_ = std::move(*OfflineJournal::open(school_.dir() / "journal.db", "hall"));
    offline_.emplace(*journal_, rules_);
    offline_scan(classmate);
    const auto again = offline_scan(free_copy);
    EXPECT_EQ(again.outcome, Outcome::refused);
    EXPECT_EQ(again.reason, Reason::on_loan_to_other);
    offline_scan(pupil);
    EXPECT_EQ(offline_scan(free_copy).outcome, Outcome::returned);  // the pupil brings it back
    offline_scan(classmate);
    EXPECT_EQ(offline_scan(free_copy).outcome, Outcome::loan);  // and now the classmate may have it
}

TEST_F(OfflineStationTest, TheLimitCountsLoansFromTheCacheAndThoseMadeOffline) {
    rules_.loans.loan_limits[ReaderCategory::pupil] = 2;
    take_snapshot();
    offline_scan(classmate);  // holds one already
    EXPECT_EQ(offline_scan(free_copy).outcome, Outcome::loan);
    const auto third = offline_scan(second_free_copy);
    EXPECT_EQ(third.reason, Reason::limit_reached);
    EXPECT_EQ(third.limit, 2);
}

TEST_F(OfflineStationTest, WhatTheCacheCannotDecideNeedsTheServer) {
    rules_.station.reader_pin = ReaderPinPolicy::when_set;
    take_snapshot();
    const auto pin = offline_scan(pin_pupil);
    EXPECT_EQ(pin.reason, Reason::needs_server);
    EXPECT_FALSE(pin.reader);                                          // nothing of the reader before the PIN
    EXPECT_EQ(offline_scan("20000063").reason, Reason::needs_server);  // a card added since the snapshot
    offline_scan(pupil);
    for (const std::string code :
         {textbook_isbn, "9786010000032", textbook_copy, "KITAP-RENEW", "KITAP-MODE-DESK", "KITAP-GOOD", "10000099"}) {
        SCOPED_TRACE(code);
        const auto outcome = offline_scan(code);
        EXPECT_EQ(outcome.outcome, Outcome::refused);
        EXPECT_EQ(outcome.reason, Reason::needs_server);
    }
    const auto renewal = last_of(offline_->handle(StationCommand{RenewLoan{1}}, now_ += 5s));
    EXPECT_EQ(renewal.reason, Reason::needs_server);
    EXPECT_EQ(journal().size(), 1u);                     // the pupil's card only
    EXPECT_EQ(offline_->session_reader()->card, pupil);  // the session goes on
}

TEST_F(OfflineStationTest, ADoubleScanChangesNothing) {
    take_snapshot();
    offline_scan(pupil);
    offline_scan(free_copy);
    now_ -= 4s;  // a second after the loan
    const auto again = offline_scan(free_copy);
    EXPECT_EQ(again.outcome, Outcome::duplicate);
    EXPECT_EQ(journal().size(), 2u);
}

TEST_F(OfflineStationTest, AnIdleSessionEndsAndTheSessionShowsWhatTheReaderHolds) {
    take_snapshot();
    offline_scan(teacher);
    offline_scan(second_free_copy);  // refused: a late book first
    offline_scan(teachers_late_copy);
    now_ += 1s;
    auto result = offline_->handle(Scan{.text = free_copy}, now_);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->session.reader->card, teacher);
    ASSERT_EQ(result->session.held.size(), 1u);
    EXPECT_EQ(result->session.held[0].item.code, free_copy);
    EXPECT_EQ(result->session.held[0].item.due, 2026y / December / 25);  // a teacher's month of fiction
    EXPECT_FALSE(result->session.held[0].renewable);                     // renewals are the server's

    now_ += rules_.station.idle_timeout;
    result = offline_->handle(Scan{.text = classmates_copy}, now_);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->outcomes.size(), 2u);
    EXPECT_EQ(result->outcomes[0].outcome, Outcome::ended);
    EXPECT_EQ(result->outcomes[0].reason, Reason::idle_timeout);
    EXPECT_EQ(result->outcomes[0].reader->card, teacher);
    EXPECT_EQ(result->last().outcome, Outcome::returned);  // handed in with no card
    EXPECT_FALSE(result->session.reader);
}

TEST_F(OfflineStationTest, AScanTheKiosksFileCannotKeepIsAFaultAndNothingOfItIsKept) {
    take_snapshot();
    offline_scan(pupil);
    {
        const testing::FileSizeLimit full_disk(1);
        const auto lost = offline_->handle(Scan{.text = free_copy}, now_ += 5s);
        ASSERT_FALSE(lost);
        EXPECT_EQ(lost.error().kind, FaultKind::disk_full) << lost.error().detail;
    }
    EXPECT_EQ(journal().size(), 1u);
    EXPECT_EQ(OfflineCache(*journal_).copy(free_copy).value()->holder_card, std::nullopt);
    now_ -= 4s;  // a second after the faulted scan: no double scan, since nothing of it was kept
    EXPECT_EQ(offline_scan(free_copy).outcome, Outcome::loan);
    EXPECT_EQ(journal().size(), 2u);
}

TEST_F(OfflineStationTest, CardsWalkedPastTheKioskPauseItAsStationDoes) {
    take_snapshot();
    LibraryStore store(school_.db());
    Station station(store, rules_, StationMode::self, "hall");
    const Timestamp start = now_;
    const std::vector<std::string> cards = {pupil, classmate, teacher, pupil, classmate};
    std::vector<StationOutcome> online;
    for (const auto& card : cards) {
        now_ += 5s;
        online.push_back(station.handle(Scan{.text = card}, now_).last());
    }
    now_ = start;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const auto offline = offline_scan(cards[i]);
        EXPECT_EQ(offline.reason, online[i].reason);
        EXPECT_EQ(offline.until, online[i].until);
    }
    EXPECT_EQ(online[3].reason, Reason::too_many_cards);
    EXPECT_EQ(online[4].reason, Reason::too_many_cards);
}

}  // namespace
}  // namespace kitap::core
