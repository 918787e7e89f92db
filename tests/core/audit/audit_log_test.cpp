#include "core/audit/audit_log.hpp"

#include "core/audit/librarian_action.hpp"
#include "core/circulation/reader_account.hpp"
#include "core/circulation/station.hpp"
#include "core/textbooks/textbook_fixture.hpp"
#include "core/year/year_close.hpp"
#include "tests/support/scoped_time_zone.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr const char* novel_copy = "10000017";
constexpr const char* off_curriculum_isbn = "9786010000025";  // a Russian-class textbook, outside 5Ә's set

// 5Ә of 2026-2027 (TextbookFixture) and a novel held as one labelled copy.
class AuditLogTest : public testing::TextbookFixture {
protected:
    void SetUp() override {
        TextbookFixture::SetUp();
        temp_.db().exec("INSERT INTO title (id, title, kind, price_tiyn) VALUES (4, 'Абай жолы', 'fiction', 300000)");
        temp_.db().exec("INSERT INTO copy (id, barcode, title_id) VALUES (1, '10000017', 4)");
    }

    Station station(StationMode mode, const std::string& name) { return Station(store_, Rules{}, mode, name); }

    StationOutcome scan(Station& station, const std::string& code) {
        now_ += 5s;  // beyond the double-scan window
        return station.handle({.text = code}, now_).last();
    }

    std::vector<AuditEntry> audit(Timestamp since = Timestamp{}) {
        std::vector<AuditEntry> entries;
        for_each_audit_entry(temp_.db(), since, [&entries](const AuditEntry& entry) { entries.push_back(entry); });
        return entries;
    }

    std::vector<std::string> actions(const std::vector<AuditEntry>& entries) {
        std::vector<std::string> names;
        for (const auto& entry : entries) names.push_back(entry.action + " " + entry.reader_card);
        return names;
    }

    // The one entry of `action`; a test failure (and an empty entry) if there is not exactly one.
    static AuditEntry only(const std::vector<AuditEntry>& entries, const std::string& action) {
        std::vector<AuditEntry> found;
        std::copy_if(entries.begin(), entries.end(), std::back_inserter(found),
                     [&action](const AuditEntry& entry) { return entry.action == action; });
        EXPECT_EQ(found.size(), 1u) << action;
        return found.empty() ? AuditEntry{} : found.front();
    }

    LibraryStore store_{temp_.db()};
    Holds holds_{store_, 5};
};

TEST_F(AuditLogTest, DeskActionsAppearAndPupilsSelfServiceDoesNot) {
    auto kiosk = station(StationMode::self, "kiosk");
    scan(kiosk, "20000014");
    scan(kiosk, novel_copy);
    scan(kiosk, novel_copy);  // returned
    auto desk = station(StationMode::desk, "desk-1");
    scan(desk, "20000022");
    scan(desk, novel_copy);

    const auto entries = audit();
    EXPECT_EQ(actions(entries), (std::vector<std::string>{"visit 20000022", "loan 20000022"}));
    const auto& loan = entries.back();
    EXPECT_EQ(loan.at, now_);
    EXPECT_EQ(loan.station, "desk-1");
    EXPECT_EQ(loan.actor, "librarian");
    EXPECT_EQ(loan.reader_name, "Нұрланұлы Ерасыл");
    EXPECT_EQ(loan.item_code, novel_copy);
    EXPECT_EQ(loan.title, "Абай жолы");
    EXPECT_EQ(loan.quantity, 1);
    EXPECT_FALSE(loan.override_kind);
}

TEST_F(AuditLogTest, APupilWhoseCardSaysLibrarianIsAReaderNotTheLibrarian) {
    temp_.db().exec("UPDATE reader SET card = 'librarian' WHERE card = '20000014'");
    auto kiosk = station(StationMode::self, "kiosk");
    scan(kiosk, "librarian");
    ASSERT_EQ(scan(kiosk, novel_copy).outcome, Outcome::loan);
    scan(kiosk, novel_copy);  // returned

    EXPECT_TRUE(audit().empty());
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE actor_role = 'reader' AND actor_card = 'librarian'"), 3);
}

TEST_F(AuditLogTest, AReturnStationIsTheLibrariansToo) {
    auto kiosk = station(StationMode::self, "kiosk");
    scan(kiosk, "20000014");
    scan(kiosk, novel_copy);
    auto returns = station(StationMode::return_, "desk");
    scan(returns, novel_copy);
    EXPECT_EQ(actions(audit()), (std::vector<std::string>{"return 20000014"}));
}

TEST_F(AuditLogTest, ABookTakenFromAnotherReaderIsAnOverrideOnBothSides) {
    auto desk = station(StationMode::desk, "desk");
    scan(desk, "20000014");
    scan(desk, novel_copy);
    scan(desk, "20000022");
    scan(desk, novel_copy);

    const auto entries = audit();
    ASSERT_EQ(actions(entries), (std::vector<std::string>{"visit 20000014", "loan 20000014", "visit 20000022",
                                                          "return 20000014", "loan 20000022"}));
    EXPECT_FALSE(entries[1].override_kind);
    EXPECT_EQ(entries[3].override_kind, OverrideKind::loan_moved);
    EXPECT_EQ(entries[3].detail, "moved to 20000022");
    EXPECT_EQ(entries[4].override_kind, OverrideKind::loan_moved);
    EXPECT_EQ(entries[4].detail, "moved from 20000014");
}

TEST_F(AuditLogTest, ATextbookOutsideTheClassSetIsAnOverride) {
    auto desk = station(StationMode::desk, "desk");
    scan(desk, "20000014");
    ASSERT_TRUE(scan(desk, off_curriculum_isbn).off_curriculum);
    scan(desk, "9786010000018");  // in the set

    const auto entries = audit();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[1].item_code, off_curriculum_isbn);
    EXPECT_EQ(entries[1].override_kind, OverrideKind::off_curriculum);
    EXPECT_EQ(entries[2].item_code, "9786010000018");
    EXPECT_FALSE(entries[2].override_kind);
}

TEST_F(AuditLogTest, AWaivedDebtIsAnOverrideAPaidOneIsNot) {
    for (const char* card : {"20000014", "20000022"}) {
        auto desk = station(StationMode::desk, "desk");
        scan(desk, card);
        scan(desk, "9786010000018");
        return_from_reader(store_, holds_,
                           {.card = card, .code = "9786010000018", .condition = Condition::lost, .now = now_});
    }
    settle_compensations(store_, 1, std::nullopt, Settlement::waived, now_ + 1s);
    settle_compensations(store_, 2, std::nullopt, Settlement::paid, now_ + 2s);

    const auto entries = audit();
    const auto settles =
        std::count_if(entries.begin(), entries.end(), [](const AuditEntry& e) { return e.action == "settle"; });
    EXPECT_EQ(settles, 2);
    EXPECT_EQ(entries[entries.size() - 2].reader_card, "20000014");
    EXPECT_EQ(entries[entries.size() - 2].override_kind, OverrideKind::debt_waived);
    EXPECT_EQ(entries.back().reader_card, "20000022");
    EXPECT_FALSE(entries.back().override_kind);
    EXPECT_EQ(std::count_if(entries.begin(), entries.end(),
                            [](const AuditEntry& e) { return e.action == "compensation_due"; }),
              2);
}

TEST_F(AuditLogTest, AYearClosedBeforeMayIsAnOverride) {
    ASSERT_TRUE(close_school_year(temp_.db(), {.early = true}, {.at = now_}));
    const auto closed = only(audit(), "year_closed");
    EXPECT_EQ(closed.override_kind, OverrideKind::early_close);
    EXPECT_EQ(closed.station, "cli");
    EXPECT_EQ(closed.actor, "librarian");
}

TEST_F(AuditLogTest, AYearClosedInJuneIsNot) {
    ASSERT_TRUE(close_school_year(temp_.db(), {.early = true}, {.at = sys_days{2027y / June / 10} + 12h}));
    EXPECT_FALSE(only(audit(), "year_closed").override_kind);
}

TEST_F(AuditLogTest, TheKiosksLibrarianActionsAppearAWrongPinWithoutAnActor) {
    record_librarian_action(store_, {.at = now_, .station = "kiosk", .action = LibrarianActionKind::pin_wrong});
    record_librarian_action(store_, {.at = now_ + 1s, .station = "kiosk", .action = LibrarianActionKind::pin_accepted});
    record_librarian_action(store_, {.at = now_ + 2s,
                                     .station = "kiosk",
                                     .action = LibrarianActionKind::setting_changed,
                                     .detail = "idle_timeout_seconds=45"});

    const auto entries = audit();
    ASSERT_EQ(actions(entries), (std::vector<std::string>{"pin_wrong ", "pin_accepted ", "setting_changed "}));
    EXPECT_EQ(entries[0].actor, "");
    EXPECT_EQ(entries[1].actor, "librarian");
    EXPECT_EQ(entries[2].detail, "idle_timeout_seconds=45");
    EXPECT_EQ(entries[2].station, "kiosk");
}

TEST_F(AuditLogTest, SinceLeavesOutWhatCameBefore) {
    record_librarian_action(store_, {.at = now_ - days{40}, .station = "cli", .action = LibrarianActionKind::backup});
    record_librarian_action(store_, {.at = now_ - 1s, .station = "cli", .action = LibrarianActionKind::pin_set});
    record_librarian_action(store_, {.at = now_, .station = "kiosk", .action = LibrarianActionKind::kiosk_closed});

    EXPECT_EQ(actions(audit(now_)), (std::vector<std::string>{"kiosk_closed "}));
    EXPECT_EQ(actions(audit(default_audit_since(now_))), (std::vector<std::string>{"pin_set ", "kiosk_closed "}));
    EXPECT_EQ(audit().size(), 3u);
}

TEST(AuditSince, ADayStartsAtLocalMidnight) {
    testing::ScopedTimeZone kazakhstan("<+05>-5");
    EXPECT_EQ(iso_timestamp(*parse_audit_since("2026-11-25")), "2026-11-24T19:00:00Z");
    EXPECT_EQ(iso_timestamp(default_audit_since(sys_days{2026y / November / 25} + 20h)), "2026-10-26T19:00:00Z");
}

TEST(AuditSince, TakesAnInstantInUtcOrWithAnOffset) {
    EXPECT_EQ(iso_timestamp(*parse_audit_since("2026-11-25T09:00:00Z")), "2026-11-25T09:00:00Z");
    EXPECT_EQ(iso_timestamp(*parse_audit_since("2026-11-25T14:00:00+05:00")), "2026-11-25T09:00:00Z");
    EXPECT_EQ(iso_timestamp(*parse_audit_since("2026-11-25T06:30:00-03:30")), "2026-11-25T10:00:00Z");
}

TEST(AuditSince, RefusesWhatIsNeitherADayNorAnInstant) {
    for (const char* text : {"", "yesterday", "2026-13-01", "25.11.2026", "2026-11-25T14:00", "2026-11-25T14:00:00+5",
                             "2026-11-25T14:00:00+05:00x", "2026-11-25T14:00:00+05:0a", "2026-11-25T14:00:00+05:60",
                             "2026-11-25 14:00:00Z"})
        EXPECT_FALSE(parse_audit_since(text)) << text;
}

}  // namespace
}  // namespace kitap::core
