#include "core/circulation/holds.hpp"

#include "core/circulation/reader_account.hpp"
#include "core/circulation/station.hpp"
#include "core/fund/writeoffs.hpp"
#include "core/reports/catalog_search.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr const char* first_copy = "10000017";  // Абай жолы, two labelled copies
constexpr const char* second_copy = "10000025";
constexpr const char* pupil = "20000014";      // Қасымова Әлия, 5Ә
constexpr const char* classmate = "20000022";  // Нұрланұлы Ерасыл, 5Ә
constexpr const char* teacher = "20000030";    // holds both copies to begin with
constexpr RowId abai = 1;
constexpr RowId textbook = 2;
constexpr RowId brochure = 3;  // title-level stock of 1, not a textbook

class HoldsTest : public ::testing::Test {
protected:
    void SetUp() override {
        setenv("TZ", "UTC", 1);
        tzset();
        auto& db = temp_.db();
        temp_.add_class("2026-2027", 5, "Ә");
        db.exec(R"(INSERT INTO reader (id, card, full_name, category, class_id, status) VALUES
            (1, '20000014', 'Қасымова Әлия', 'pupil', 1, 'active'),
            (2, '20000022', 'Нұрланұлы Ерасыл', 'pupil', 1, 'active'),
            (3, '20000030', 'Иванова Мария Сергеевна', 'teacher', NULL, 'active'),
            (4, '20000048', 'Серікұлы Дәурен', 'pupil', 1, 'left'))");
        db.exec(R"(INSERT INTO title (id, title, isbn, kind, grade, stock) VALUES
            (1, 'Абай жолы', NULL, 'fiction', NULL, 0),
            (2, 'Математика. 5-сынып', '9786010000001', 'textbook', 5, 2),
            (3, 'Қазақ ертегілері', '9786010000018', 'fiction', NULL, 1))");
        db.exec(R"(INSERT INTO copy (id, barcode, title_id, status) VALUES
            (1, '10000017', 1, 'in_fund'), (2, '10000025', 1, 'in_fund'))");
        rules_.loans.hold_days = 5;
        auto desk = station(StationMode::desk);
        scan(desk, teacher);
        scan(desk, first_copy);
        scan(desk, second_copy);
    }

    Station station(StationMode mode = StationMode::self) { return Station(store_, rules_, mode, "test"); }

    StationOutcome scan(Station& station, const std::string& code) {
        now_ += 5s;
        return station.handle({.text = code, .symbology = "", .source = "test"}, now_).last();
    }

    HoldAnswer place(const std::string& card, RowId title) { return holds_.place(card, title, now_, "cli", {}); }

    // The teacher hands a copy in at the return station.
    StationOutcome hand_in(const std::string& copy) {
        auto returns = station(StationMode::return_);
        return scan(returns, copy);
    }

    std::string state_of(RowId hold) { return std::string(to_string(holds_.hold(hold)->state)); }
    int count(const std::string& sql) { return temp_.db().execAndGet(sql).getInt(); }

    testing::TestSchool temp_;
    LibraryStore store_{temp_.db()};
    Rules rules_;
    Holds holds_{store_, 5};
    Timestamp now_ = sys_days{2026y / November / 25} + 10h;
};

TEST_F(HoldsTest, ReadersQueueForATitleThatIsAllOut) {
    const auto first = place(pupil, abai);
    ASSERT_TRUE(first.hold) << to_string(first.refusal);
    EXPECT_EQ(first.hold->state, HoldState::waiting);
    EXPECT_EQ(first.hold->position, 1);
    EXPECT_EQ(first.hold->reader.class_name, "5Ә");
    EXPECT_EQ(place(classmate, abai).hold->position, 2);
    EXPECT_EQ(place(pupil, abai).refusal, HoldRefusal::already_reserved);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'hold'"), 2);
}

TEST_F(HoldsTest, WhatCannotBeReservedSaysWhy) {
    EXPECT_EQ(place("99999997", abai).refusal, HoldRefusal::unknown_reader);
    EXPECT_EQ(place("20000048", abai).refusal, HoldRefusal::reader_left);
    EXPECT_EQ(place(pupil, 99).refusal, HoldRefusal::unknown_title);
    EXPECT_EQ(place(pupil, textbook).refusal, HoldRefusal::textbook);
    EXPECT_EQ(place(pupil, brochure).refusal, HoldRefusal::available) << "one on the shelf";
    EXPECT_EQ(place(teacher, abai).refusal, HoldRefusal::already_has);
    EXPECT_EQ(place(teacher, abai).title, "Абай жолы");
    EXPECT_EQ(count("SELECT count(*) FROM hold"), 0);
}

TEST_F(HoldsTest, AReturnedCopyIsKeptForTheFirstInTheQueue) {
    const RowId hold = place(pupil, abai).hold->id;
    place(classmate, abai);
    const auto returned = hand_in(first_copy);
    EXPECT_EQ(returned.outcome, Outcome::returned);
    ASSERT_TRUE(returned.hold_for);
    EXPECT_EQ(returned.hold_for->card, pupil);
    EXPECT_EQ(returned.hold_for->name, "Қасымова Әлия");
    const auto kept = holds_.hold(hold);
    EXPECT_EQ(kept->state, HoldState::ready);
    EXPECT_EQ(kept->kept, first_copy);
    EXPECT_EQ(iso_date(*kept->expires_on), "2026-11-30");
    EXPECT_EQ(hand_in(second_copy).hold_for->card, classmate) << "the next copy, the next reader";
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'hold_ready'"), 2);
}

TEST_F(HoldsTest, AKeptCopyIsRefusedToOthersAtTheKioskAndLentToItsReader) {
    const RowId hold = place(pupil, abai).hold->id;
    hand_in(first_copy);
    auto kiosk = station();
    scan(kiosk, classmate);
    const auto refused = scan(kiosk, first_copy);
    EXPECT_EQ(refused.outcome, Outcome::refused);
    EXPECT_EQ(refused.reason, Reason::on_hold);
    EXPECT_FALSE(refused.hold_for) << "a pupil at the kiosk is not told who reserved it";
    scan(kiosk, "KITAP-DONE");

    const auto session = scan(kiosk, pupil);
    ASSERT_EQ(session.holds_ready.size(), 1u);
    EXPECT_EQ(session.holds_ready[0].title, "Абай жолы");
    EXPECT_EQ(session.holds_ready[0].code, first_copy);
    EXPECT_EQ(scan(kiosk, first_copy).outcome, Outcome::loan);
    EXPECT_EQ(state_of(hold), "fulfilled");
    EXPECT_TRUE(holds_.open_holds().empty());
}

TEST_F(HoldsTest, TheDeskLendsAKeptCopyAsAFlaggedOverrideAndTheHoldWaitsAgainFirst) {
    const RowId hold = place(pupil, abai).hold->id;
    place(classmate, abai);
    hand_in(first_copy);
    auto desk = station(StationMode::desk);
    scan(desk, teacher);
    const auto lent = scan(desk, first_copy);
    EXPECT_EQ(lent.outcome, Outcome::loan);
    ASSERT_TRUE(lent.hold_for);
    EXPECT_EQ(lent.hold_for->card, pupil);
    EXPECT_EQ(temp_.db().execAndGet("SELECT detail FROM event WHERE action = 'loan' ORDER BY id DESC").getString(),
              "kept for 20000014");
    EXPECT_EQ(state_of(hold), "waiting");
    EXPECT_EQ(holds_.hold(hold)->position, 1) << "still first: the next copy back is hers";
    EXPECT_EQ(hand_in(second_copy).hold_for->card, pupil);
}

TEST_F(HoldsTest, AHoldNotCollectedExpiresAndTheCopyPassesToTheNextReader) {
    const RowId first = place(pupil, abai).hold->id;
    const RowId second = place(classmate, abai).hold->id;
    hand_in(first_copy);
    now_ += days(5);
    holds_.expire(now_, "test");
    EXPECT_EQ(state_of(first), "ready") << "kept through its last day";
    now_ += days(1);
    auto kiosk = station();
    const auto session = scan(kiosk, classmate);  // any scan lets the expired hold go first
    EXPECT_EQ(state_of(first), "expired");
    EXPECT_EQ(state_of(second), "ready");
    EXPECT_EQ(holds_.hold(second)->kept, first_copy);
    ASSERT_EQ(session.holds_ready.size(), 1u) << "told at once";
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'hold_expired'"), 1);
}

TEST_F(HoldsTest, CancellingAKeptHoldPassesTheCopyOnAndEndsOnce) {
    const RowId first = place(pupil, abai).hold->id;
    const RowId second = place(classmate, abai).hold->id;
    hand_in(first_copy);
    const auto cancelled = holds_.cancel(first, now_, "cli", {ActorRole::librarian});
    EXPECT_EQ(cancelled.hold->state, HoldState::cancelled);
    EXPECT_EQ(state_of(second), "ready");
    EXPECT_EQ(holds_.cancel(first, now_, "cli", {}).refusal, HoldRefusal::hold_ended);
    EXPECT_EQ(holds_.cancel(77, now_, "cli", {}).refusal, HoldRefusal::unknown_hold);
    holds_.cancel(second, now_, "cli", {});
    auto kiosk = station();
    scan(kiosk, teacher);
    EXPECT_EQ(scan(kiosk, first_copy).outcome, Outcome::loan) << "nobody waits: back on the shelf";
}

TEST_F(HoldsTest, AKeptCopyWrittenOffSendsItsHoldBackToTheHeadOfTheQueue) {
    const RowId hold = place(pupil, abai).hold->id;
    place(classmate, abai);
    hand_in(first_copy);
    ASSERT_TRUE(
        write_off(temp_.db(), holds_, {.reason = WriteoffReason::damaged, .barcodes = {first_copy}}, {.at = now_}));
    EXPECT_EQ(state_of(hold), "waiting");
    EXPECT_EQ(holds_.hold(hold)->position, 1);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE action = 'hold_requeued'"), 1);
    EXPECT_EQ(hand_in(second_copy).hold_for->card, pupil) << "the next copy back is still hers";
}

TEST_F(HoldsTest, TitleLevelStockKeepsAUnit) {
    auto desk = station(StationMode::desk);
    scan(desk, teacher);
    scan(desk, "9786010000018");
    const RowId hold = place(pupil, brochure).hold->id;
    EXPECT_EQ(hand_in("9786010000018").outcome, Outcome::refused) << "a title-level return needs the reader's card";
    auto returns = station(StationMode::return_);
    scan(returns, teacher);
    EXPECT_EQ(scan(returns, "9786010000018").hold_for->card, pupil);
    EXPECT_EQ(holds_.hold(hold)->kept, "9786010000018");
    auto kiosk = station();
    scan(kiosk, classmate);
    EXPECT_EQ(scan(kiosk, "9786010000018").reason, Reason::on_hold);
    scan(kiosk, "KITAP-DONE");
    scan(kiosk, pupil);
    EXPECT_EQ(scan(kiosk, "9786010000018").outcome, Outcome::loan);
    EXPECT_EQ(state_of(hold), "fulfilled");
}

TEST_F(HoldsTest, TheCatalogueCountsAKeptCopyAsNotAvailable) {
    place(pupil, abai);
    hand_in(first_copy);
    const auto found = catalog_search(temp_.db(), "Абай", 5);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].title_id, abai);
    EXPECT_EQ(found[0].available, 0);
    EXPECT_EQ(found[0].total, 2);
}

TEST_F(HoldsTest, ADeskReturnTellsWhoToPutItAsideFor) {
    place(pupil, abai);
    const auto back = return_from_reader(store_, holds_, {.card = teacher, .code = second_copy, .now = now_});
    ASSERT_TRUE(back.taken);
    ASSERT_TRUE(back.taken->kept_for);
    EXPECT_EQ(back.taken->kept_for->card, pupil);
}

TEST_F(HoldsTest, ALostReturnKeepsNothing) {
    place(pupil, abai);
    const auto back = return_from_reader(
        store_, holds_, {.card = teacher, .code = second_copy, .condition = Condition::lost, .now = now_});
    EXPECT_FALSE(back.taken->kept_for);
    EXPECT_EQ(holds_.open_holds().at(0).state, HoldState::waiting);
}

}  // namespace
}  // namespace kitap::core
