#include "kiosk/gui/model/kiosk_library.hpp"

#include "tests/kiosk/gui/support/sample_library.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

namespace kitap::kiosk {
namespace {

using testing::SampleLibrary;
using namespace std::chrono_literals;

class KioskLibraryTest : public ::testing::Test {
protected:
    void SetUp() override {
        testing::create_sample_library(db_path());
        ASSERT_FALSE(library.open());
    }
    std::filesystem::path db_path() const { return dir.path() / "kitap.db"; }
    KioskLibrary::Handled scan(const std::string& code, core::Timestamp at) {
        return library.handle({.text = code, .source = "test"}, at);
    }

    testing::TempDir dir;
    KioskLibrary library{dir.path() / "kitap.db", core::Rules{}, "kiosk"};
    core::Timestamp now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
};

TEST_F(KioskLibraryTest, ScansGoThroughTheStation) {
    auto card = scan(SampleLibrary::pupil_a, now);
    ASSERT_EQ(card.outcomes.size(), 1u);
    EXPECT_EQ(card.outcomes[0].outcome, core::Outcome::session);
    ASSERT_TRUE(library.session_reader());
    EXPECT_EQ(library.session_reader()->name, SampleLibrary::name_a);

    auto loan = scan(SampleLibrary::copy_1, now + 1s);
    ASSERT_EQ(loan.outcomes.size(), 1u);
    EXPECT_EQ(loan.outcomes[0].outcome, core::Outcome::loan);
    const auto held = library.held_items(SampleLibrary::pupil_a);
    ASSERT_TRUE(held);
    ASSERT_EQ(held->size(), 1u);
    EXPECT_EQ(held->front().code, SampleLibrary::copy_1);

    auto other = scan(SampleLibrary::copy_3, now + 2s);
    EXPECT_EQ(other.outcomes.at(0).reason, core::Reason::on_loan_to_other);
}

// The librarian's desk is a station of its own: the pupils' session is untouched.
TEST_F(KioskLibraryTest, TheDeskIssuesAClassSetBesideThePupilsStation) {
    scan(SampleLibrary::pupil_b, now);
    library.open_desk(core::StationMode::desk);
    const auto at_desk = [&](const std::string& code) {
        return library.handle_at_desk({.text = code, .source = "test"}, now + 1s).outcomes.at(0);
    };
    EXPECT_EQ(at_desk(SampleLibrary::pupil_a).outcome, core::Outcome::session);
    EXPECT_EQ(library.desk_reader()->card, SampleLibrary::pupil_a);
    EXPECT_EQ(library.session_reader()->card, SampleLibrary::pupil_b);
    EXPECT_EQ(at_desk(SampleLibrary::maths_5).outcome, core::Outcome::loan);

    const core::Date today = core::local_date(now);
    auto progress = library.class_progress("5Ә", today);
    ASSERT_TRUE(progress && *progress);
    EXPECT_EQ((*progress)->held, 1);
    EXPECT_EQ((*progress)->needed, 4);

    auto preview = library.issue_class_set("5Ә", now, true);
    ASSERT_TRUE(preview && preview->result);
    EXPECT_EQ(preview->result->loans, 3);
    EXPECT_EQ((*library.class_progress("5Ә", today))->held, 1) << "a dry run writes nothing";
    ASSERT_TRUE(library.issue_class_set("5Ә", now, false));
    EXPECT_EQ((*library.class_progress("5Ә", today))->complete_sets, 2);
    const auto classes = library.class_provision(today);
    ASSERT_TRUE(classes);
    EXPECT_EQ(classes->front().class_name, "5Ә");
    EXPECT_EQ(classes->front().percent(), 100);
}

TEST_F(KioskLibraryTest, ReturnsAtTheDeskTakeTheChosenCondition) {
    library.open_desk(core::StationMode::return_);
    EXPECT_EQ(library.desk_condition(), core::Condition::good);
    library.handle_at_desk({.text = library.command_code(core::Command::worn), .source = "test"}, now);
    EXPECT_EQ(library.desk_condition(), core::Condition::worn);
    const auto back = library.handle_at_desk({.text = SampleLibrary::copy_3, .source = "test"}, now).outcomes.at(0);
    EXPECT_EQ(back.outcome, core::Outcome::returned);
    EXPECT_EQ(back.condition, core::Condition::worn);
    EXPECT_EQ(library.desk_condition(), core::Condition::good);
}

TEST_F(KioskLibraryTest, AStocktakeFromTheKiosk) {
    ASSERT_FALSE(*library.stocktake_status());
    ASSERT_TRUE(*library.start_stocktake("kind:fiction", now));
    EXPECT_FALSE(*library.start_stocktake("all", now)) << "one at a time";
    library.open_desk(core::StationMode::stocktake);
    library.handle_at_desk({.text = SampleLibrary::copy_1, .source = "test"}, now);
    const auto status = *library.stocktake_status();
    ASSERT_TRUE(status);
    EXPECT_EQ(status->scans, 1);
    const auto report = library.finish_stocktake(now);
    ASSERT_TRUE(report && *report);
    EXPECT_EQ((*report)->found_copies, 1);
    EXPECT_EQ((*report)->missing.size(), 1u);  // copy 2 (copy 3 is on loan)
}

TEST_F(KioskLibraryTest, AnIdleSessionEndsBeforeTheNextScan) {
    scan(SampleLibrary::pupil_a, now);
    auto later = scan(SampleLibrary::copy_1, now + 31s);
    ASSERT_EQ(later.outcomes.size(), 2u);
    EXPECT_EQ(later.outcomes[0].outcome, core::Outcome::ended);
    EXPECT_EQ(later.outcomes[0].reason, core::Reason::idle_timeout);
    EXPECT_EQ(later.outcomes[1].reason, core::Reason::no_session);
}

TEST_F(KioskLibraryTest, ExpiresIdleSessionsOnItsOwn) {
    scan(SampleLibrary::pupil_a, now);
    EXPECT_TRUE(library.expire_idle(now + 29s).outcomes.empty());
    const auto ended = library.expire_idle(now + 30s);
    ASSERT_EQ(ended.outcomes.size(), 1u);
    EXPECT_EQ(ended.outcomes[0].reason, core::Reason::idle_timeout);
    EXPECT_FALSE(library.session_reader());
}

TEST_F(KioskLibraryTest, ANewIdleTimeoutTakesEffect) {
    library.set_idle_timeout(10s);
    scan(SampleLibrary::pupil_a, now);
    EXPECT_EQ(library.expire_idle(now + 10s).outcomes.size(), 1u);
}

TEST_F(KioskLibraryTest, LooksThingsUpWithoutChangingThem) {
    const auto reader = library.look_up(SampleLibrary::pupil_b);
    ASSERT_TRUE(reader);
    ASSERT_TRUE(reader->reader);
    ASSERT_EQ(reader->reader->held.size(), 1u);
    const auto copy = library.look_up(SampleLibrary::copy_3);
    ASSERT_TRUE(copy && copy->copy && copy->copy->holder);
    EXPECT_EQ(copy->copy->holder->card, SampleLibrary::pupil_b);
    EXPECT_TRUE(copy->copy->due);
    const auto free_copy = library.look_up(SampleLibrary::copy_1);
    ASSERT_TRUE(free_copy && free_copy->copy);
    EXPECT_FALSE(free_copy->copy->holder);
    const auto isbn = library.look_up("9786010000007");
    ASSERT_TRUE(isbn);
    EXPECT_EQ(isbn->kind, core::CodeKind::unknown);
    const auto unknown = library.look_up("nonsense");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->kind, core::CodeKind::unknown);
    // Who had the copy: pupil B still holds it.
    const auto lent = library.look_up(SampleLibrary::copy_3);
    ASSERT_TRUE(lent && lent->copy);
    ASSERT_EQ(lent->copy->history.size(), 1u);
    EXPECT_EQ(lent->copy->history[0].reader_card, SampleLibrary::pupil_b);
    EXPECT_FALSE(lent->copy->history[0].returned);

    // Nothing was lent by looking.
    const auto after = library.look_up(SampleLibrary::copy_1);
    EXPECT_FALSE(after->copy->holder);
}

TEST_F(KioskLibraryTest, SettingsPersistAndAreAudited) {
    EXPECT_FALSE(library.set_setting("kiosk_language", "ru", now));
    EXPECT_EQ(library.setting("kiosk_language"), "ru");
    EXPECT_FALSE(library.setting("no_such_setting"));
    EXPECT_FALSE(library.record(core::LibrarianActionKind::pin_wrong, now));
    SQLite::Database db(db_path().string());
    SQLite::Statement events(db, "SELECT action, actor_role, detail FROM event WHERE station = 'kiosk' ORDER BY id");
    ASSERT_TRUE(events.executeStep());
    EXPECT_EQ(events.getColumn(0).getString(), "setting_changed");
    EXPECT_EQ(events.getColumn(1).getString(), "librarian");
    EXPECT_EQ(events.getColumn(2).getString(), "kiosk_language=ru");
    ASSERT_TRUE(events.executeStep());
    EXPECT_EQ(events.getColumn(0).getString(), "pin_wrong");
    EXPECT_EQ(events.getColumn(1).getString(), "none") << "a wrong PIN proves nobody is the librarian";
}

// What the keypad's guard is rebuilt from when the kiosk starts.
TEST_F(KioskLibraryTest, PinAttemptsAreReadFromTheAuditLog) {
    EXPECT_FALSE(library.record(core::LibrarianActionKind::pin_accepted, now - 1h));
    EXPECT_FALSE(library.record(core::LibrarianActionKind::pin_wrong, now));
    EXPECT_FALSE(library.record(core::LibrarianActionKind::pin_locked_out, now + 1s));
    const auto attempts = library.pin_attempts();
    ASSERT_TRUE(attempts);
    EXPECT_EQ(attempts->last_unlock, now - 1h);
    ASSERT_EQ(attempts->since.size(), 2u);
    EXPECT_EQ(attempts->since[1].action, core::LibrarianActionKind::pin_locked_out);
    EXPECT_EQ(attempts->since[1].at, now + 1s);
}

TEST_F(KioskLibraryTest, ALockedDatabaseIsAFaultAndNothingIsKept) {
    scan(SampleLibrary::pupil_a, now);
    SQLite::Database other(db_path().string(), SQLite::OPEN_READWRITE);
    {
        SQLite::Transaction lock(other, SQLite::TransactionBehavior::IMMEDIATE);
        const auto refused = scan(SampleLibrary::copy_1, now + 1s);
        ASSERT_TRUE(refused.fault);
        EXPECT_EQ(refused.fault->kind, FaultKind::database_busy);
        EXPECT_TRUE(refused.outcomes.empty());
        // While the lock is held the kiosk cannot prove it can write.
        const auto reopened = library.open();
        ASSERT_TRUE(reopened);
        EXPECT_EQ(reopened->kind, FaultKind::database_busy);
    }
    // The lock is gone: it opens again, with a fresh station (no session).
    EXPECT_FALSE(library.open());
    EXPECT_FALSE(library.session_reader());
    const auto copy = library.look_up(SampleLibrary::copy_1);
    EXPECT_FALSE(copy->copy->holder);
}

TEST(KioskLibraryFaults, ADatabaseThatCannotBeCreatedIsUnavailable) {
    KioskLibrary library{"/proc/kitap-no-such-dir/kitap.db", core::Rules{}, "kiosk"};
    const auto fault = library.open();
    ASSERT_TRUE(fault);
    EXPECT_EQ(fault->kind, FaultKind::database_unavailable);
    EXPECT_FALSE(library.is_open());
    const auto handled = library.handle({.text = "1", .source = "test"}, core::Timestamp{});
    ASSERT_TRUE(handled.fault);
    EXPECT_EQ(handled.fault->kind, FaultKind::database_unavailable);
}

TEST(KioskLibraryFaults, AReadOnlyDatabaseIsSaidSo) {
    if (geteuid() == 0) GTEST_SKIP() << "root writes read-only files anyway";
    testing::TempDir dir;
    testing::create_sample_library(dir.path() / "kitap.db");
    std::filesystem::permissions(dir.path() / "kitap.db", std::filesystem::perms::owner_read,
                                 std::filesystem::perm_options::replace);
    KioskLibrary library{dir.path() / "kitap.db", core::Rules{}, "kiosk"};
    const auto fault = library.open();
    ASSERT_TRUE(fault);
    EXPECT_TRUE(fault->kind == FaultKind::database_read_only || fault->kind == FaultKind::database_unavailable);
}

}  // namespace
}  // namespace kitap::kiosk
