// Replaying an offline journal: sessions as the kiosk had them, refusals kept as
// exceptions, and the record of applied entries committed with their effects only.
#include "core/remote/journal_replay.hpp"

#include "core/security/reader_pins.hpp"
#include "tests/core/remote/replay_school.hpp"

#include <gtest/gtest.h>

#include <SQLiteCpp/Exception.h>

#include <string>
#include <vector>

namespace kitap::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using namespace testing::replay;

class JournalReplayTest : public ::testing::Test {
protected:
    void SetUp() override { add_replay_school(school_); }

    static JournalEntry entry(int n, seconds after, std::string card, std::string code) {
        return {.id = "e" + std::to_string(n),
                .station = "kiosk-2",
                .scanned_at = offline_at + after,
                .card = std::move(card),
                .code = std::move(code)};
    }

    ReplayResult replay(const std::vector<JournalEntry>& entries, Rules rules = {}) {
        return JournalReplay(store_, std::move(rules), "kiosk-2").replay(entries, upload_at);
    }

    std::string reasons() {
        return school_.text("SELECT coalesce(group_concat(entry_id || ':' || reason, ' '), '') FROM scan_exception");
    }

    long long open_loans() { return school_.count("SELECT count(*) FROM loan WHERE returned_at IS NULL"); }

    testing::TestSchool school_;
    LibraryStore store_{school_.db()};
};

TEST_F(JournalReplayTest, ConsecutiveScansOfACardShareItsSessionAndAnIdleGapReopensIt) {
    const auto result = replay({entry(1, 0s, pupil, pupil), entry(2, 5s, pupil, first_copy),
                                entry(3, 10min, pupil, second_copy)});  // the session had timed out
    EXPECT_EQ(result.applied, 3);
    EXPECT_EQ(open_loans(), 2);
    EXPECT_EQ(school_.count("SELECT count(*) FROM event WHERE action = 'visit'"), 1);
}

// With no card the kiosk's session had ended: a copy nobody holds is not lent to the
// card scanned before.
TEST_F(JournalReplayTest, AnEntryWithoutACardIsScannedWithNoSession) {
    const auto result =
        replay({entry(1, 0s, pupil, first_copy), entry(2, 5s, "", first_copy), entry(3, 10s, "", second_copy)});
    EXPECT_EQ(result.applied, 2) << "the first copy lent, then handed back with no card";
    EXPECT_EQ(reasons(), "e3:no_session");
    EXPECT_EQ(open_loans(), 0);
}

// Each entry of a refused card scans it again and is refused for the card's reason.
TEST_F(JournalReplayTest, ACardRefusedStaysRefusedForEachEntryOfIt) {
    replay({entry(1, 0s, left_pupil, first_copy), entry(2, 1s, left_pupil, second_copy)});
    EXPECT_EQ(reasons(), "e1:reader_left e2:reader_left");
    EXPECT_EQ(open_loans(), 0);
}

// Offline, a pupil took a book, scanned a textbook's ISBN (refused, needs_server, so not
// journaled) and handed the book back within the double-scan window: the kiosk printed
// the return, and the server applies it rather than taking it for a double fire.
TEST_F(JournalReplayTest, ABookLentAndHandedBackAtOnceIsReturned) {
    const auto result =
        replay({entry(1, 0s, pupil, pupil), entry(2, 5s, pupil, first_copy), entry(3, 6s, pupil, first_copy)});
    EXPECT_EQ(result.applied, 3);
    EXPECT_EQ(reasons(), "");
    EXPECT_EQ(open_loans(), 0);
    EXPECT_EQ(school_.count("SELECT count(*) FROM event WHERE action = 'return'"), 1);
}

TEST_F(JournalReplayTest, ACardThatNowNeedsAPinIsAnException) {
    ASSERT_EQ(set_reader_pin(store_, pupil, "4321", offline_at - 1h, "cli"), ReaderPinChange::done);
    Rules rules;
    rules.station.reader_pin = ReaderPinPolicy::when_set;
    replay({entry(1, 0s, pupil, first_copy)}, rules);
    EXPECT_EQ(reasons(), "e1:pin_not_set");
    EXPECT_EQ(open_loans(), 0);
}

// The offline kiosk decides self-service only: another mode is for the librarian.
TEST_F(JournalReplayTest, AnEntryOfALibrariansModeIsAnException) {
    auto desk = entry(1, 0s, pupil, first_copy);
    desk.mode = StationMode::desk;
    EXPECT_EQ(replay({desk}).exceptions, 1);
    EXPECT_EQ(reasons(), "e1:librarian_only");
    EXPECT_EQ(open_loans(), 0);
}

TEST_F(JournalReplayTest, AScanDatedAfterTheUploadCountsAtTheUpload) {
    replay({entry(1, 10 * 24h, pupil, first_copy)});
    EXPECT_EQ(school_.text("SELECT loaned_at FROM loan"), "2026-11-25T10:00:00Z");
}

// A fault midway (here a trigger refusing the third entry's record) keeps nothing of
// the upload: not the loans before it, not their records; sent again, it applies once.
TEST_F(JournalReplayTest, AnUploadIsAppliedWhollyOrNotAtAll) {
    const std::vector journal{entry(1, 0s, pupil, pupil), entry(2, 5s, pupil, first_copy),
                              entry(3, 10s, pupil, second_copy)};
    school_.db().exec(R"(CREATE TRIGGER fail_third BEFORE INSERT ON journal_entry_applied WHEN NEW.entry_id = 'e3'
        BEGIN SELECT RAISE(ABORT, 'disk gone'); END)");
    EXPECT_THROW(replay(journal), SQLite::Exception);
    EXPECT_EQ(school_.count("SELECT count(*) FROM loan"), 0);
    EXPECT_EQ(school_.count("SELECT count(*) FROM journal_entry_applied"), 0);
    EXPECT_EQ(school_.count("SELECT count(*) FROM visit"), 0);

    school_.db().exec("DROP TRIGGER fail_third");
    EXPECT_EQ(replay(journal).applied, 3);
    EXPECT_EQ(replay(journal).already, 3);
    EXPECT_EQ(open_loans(), 2);
}

}  // namespace
}  // namespace kitap::core
