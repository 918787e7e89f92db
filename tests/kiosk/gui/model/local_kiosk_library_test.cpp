#include "kiosk/gui/model/local_kiosk_library.hpp"

#include "core/security/secret_hash.hpp"

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

class LocalKioskLibraryTest : public ::testing::Test {
protected:
    void SetUp() override {
        testing::create_sample_library(db_path());
        ASSERT_FALSE(library.open());
    }
    std::filesystem::path db_path() const { return dir.path() / "kitap.db"; }
    LocalKioskLibrary::Handled scan(const std::string& code, core::Timestamp at) {
        return library.handle({.text = code, .source = "test"}, at);
    }

    testing::TempDir dir;
    LocalKioskLibrary library{dir.path() / "kitap.db", core::Rules{}, "kiosk"};
    core::Timestamp now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
};

TEST_F(LocalKioskLibraryTest, ScansGoThroughTheStation) {
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

// Between pupils the kiosk holds no snapshot of the database: a read left open would
// keep every later commit of another program (the web console's desk) in the log, which
// no checkpoint could then copy into the database and which would grow all the while.
TEST_F(LocalKioskLibraryTest, AWaitingKioskHoldsNoCommitOfAnotherProgramInTheLog) {
    scan(SampleLibrary::pupil_a, now);
    ASSERT_EQ(scan(SampleLibrary::copy_1, now + 1s).outcomes.at(0).outcome, core::Outcome::loan);
    ASSERT_EQ(scan(SampleLibrary::copy_3, now + 2s).outcomes.at(0).reason, core::Reason::on_loan_to_other);  // no write
    ASSERT_TRUE(library.held_items(SampleLibrary::pupil_a));
    SQLite::Database other(db_path().string(), SQLite::OPEN_READWRITE);
    other.exec("INSERT INTO visit (reader_id, day, station) SELECT id, '2020-01-01', 'web' FROM reader");
    SQLite::Statement checkpoint(other, "PRAGMA wal_checkpoint(PASSIVE)");
    ASSERT_TRUE(checkpoint.executeStep());
    EXPECT_EQ(checkpoint.getColumn(2).getInt(), checkpoint.getColumn(1).getInt()) << "frames left in the log";
}

// The librarian's desk is a station of its own: the pupils' session is untouched.
TEST_F(LocalKioskLibraryTest, TheDeskIssuesAClassSetBesideThePupilsStation) {
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

TEST_F(LocalKioskLibraryTest, ReturnsAtTheDeskTakeTheChosenCondition) {
    library.open_desk(core::StationMode::return_);
    EXPECT_EQ(library.desk_condition(), core::Condition::good);
    library.handle_at_desk({.text = library.command_code(core::Command::worn), .source = "test"}, now);
    EXPECT_EQ(library.desk_condition(), core::Condition::worn);
    const auto back = library.handle_at_desk({.text = SampleLibrary::copy_3, .source = "test"}, now).outcomes.at(0);
    EXPECT_EQ(back.outcome, core::Outcome::returned);
    EXPECT_EQ(back.condition, core::Condition::worn);
    EXPECT_EQ(library.desk_condition(), core::Condition::good);
}

TEST_F(LocalKioskLibraryTest, AStocktakeFromTheKiosk) {
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

TEST_F(LocalKioskLibraryTest, AnIdleSessionEndsBeforeTheNextScan) {
    scan(SampleLibrary::pupil_a, now);
    auto later = scan(SampleLibrary::copy_1, now + 31s);
    ASSERT_EQ(later.outcomes.size(), 2u);
    EXPECT_EQ(later.outcomes[0].outcome, core::Outcome::ended);
    EXPECT_EQ(later.outcomes[0].reason, core::Reason::idle_timeout);
    EXPECT_EQ(later.outcomes[1].reason, core::Reason::no_session);
}

TEST_F(LocalKioskLibraryTest, ExpiresIdleSessionsOnItsOwn) {
    scan(SampleLibrary::pupil_a, now);
    EXPECT_TRUE(library.expire_idle(now + 29s).outcomes.empty());
    const auto ended = library.expire_idle(now + 30s);
    ASSERT_EQ(ended.outcomes.size(), 1u);
    EXPECT_EQ(ended.outcomes[0].reason, core::Reason::idle_timeout);
    EXPECT_FALSE(library.session_reader());
}

TEST_F(LocalKioskLibraryTest, ANewIdleTimeoutTakesEffect) {
    library.set_idle_timeout(10s);
    scan(SampleLibrary::pupil_a, now);
    EXPECT_EQ(library.expire_idle(now + 10s).outcomes.size(), 1u);
}

TEST_F(LocalKioskLibraryTest, LooksThingsUpWithoutChangingThem) {
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

TEST_F(LocalKioskLibraryTest, SettingsPersistAndAreAudited) {
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

// The keypad's tries come from the audit log, so a restart gives a guesser no fresh ones;
// each try the library checks is written there.
TEST_F(LocalKioskLibraryTest, TheLibrarianPinIsCheckedAgainstTheAuditLogsTries) {
    EXPECT_EQ(library.check_librarian_pin("1234", now)->verdict, PinCheck::Verdict::no_pin_set);
    {
        auto core_library = core::Library::open(db_path());
        ASSERT_TRUE(core_library);
        ASSERT_TRUE(store_pin(core_library->settings(), "270519"));
    }
    const auto wrong = library.check_librarian_pin("1111", now);
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->verdict, PinCheck::Verdict::wrong);
    EXPECT_EQ(wrong->tries_left, 4);

    LocalKioskLibrary restarted{db_path(), core::Rules{}, "kiosk"};
    ASSERT_FALSE(restarted.open());
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(restarted.check_librarian_pin("1111", now)->verdict, PinCheck::Verdict::wrong);
    const auto locked = restarted.check_librarian_pin("1111", now);
    EXPECT_EQ(locked->verdict, PinCheck::Verdict::locked) << "the fifth wrong try, counted across the restart";
    EXPECT_GT(locked->locked_for.count(), 0);
    EXPECT_EQ(restarted.librarian_pin_state(now)->locked_for, locked->locked_for);
    EXPECT_EQ(restarted.check_librarian_pin("270519", now)->verdict, PinCheck::Verdict::locked)
        << "nothing is checked while locked";

    const auto later = now + locked->locked_for;
    const auto right = restarted.check_librarian_pin("270519", later);
    ASSERT_TRUE(right);
    EXPECT_EQ(right->verdict, PinCheck::Verdict::accepted);
    ASSERT_TRUE(right->unlock_report);
    EXPECT_EQ(right->unlock_report->wrong_tries, 5);
    auto core_library = core::Library::open(db_path());
    const auto attempts = core_library->audit().pin_attempts();
    ASSERT_TRUE(attempts);
    EXPECT_EQ(attempts->last_unlock, later);
    EXPECT_TRUE(attempts->since.empty());
}

TEST(LocalKioskLibraryDemo, TheDemoPinWorksWhileNoneIsSet) {
    testing::TempDir dir;
    testing::create_sample_library(dir.path() / "kitap.db");
    LocalKioskLibrary library{dir.path() / "kitap.db", core::Rules{}, "kiosk", core::hash_secret("123456")};
    ASSERT_FALSE(library.open());
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    EXPECT_TRUE(library.librarian_pin_state(now)->demo_hint);
    EXPECT_EQ(library.check_librarian_pin("123456", now)->verdict, PinCheck::Verdict::accepted);
}

TEST_F(LocalKioskLibraryTest, ALockedDatabaseIsAFaultAndNothingIsKept) {
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

TEST(LocalKioskLibraryFaults, ADatabaseThatCannotBeCreatedIsUnavailable) {
    LocalKioskLibrary library{"/proc/kitap-no-such-dir/kitap.db", core::Rules{}, "kiosk"};
    const auto fault = library.open();
    ASSERT_TRUE(fault);
    EXPECT_EQ(fault->kind, FaultKind::database_unavailable);
    EXPECT_FALSE(library.is_open());
    const auto handled = library.handle({.text = "1", .source = "test"}, core::Timestamp{});
    ASSERT_TRUE(handled.fault);
    EXPECT_EQ(handled.fault->kind, FaultKind::database_unavailable);
}

TEST(LocalKioskLibraryFaults, AReadOnlyDatabaseIsSaidSo) {
    if (geteuid() == 0) GTEST_SKIP() << "root writes read-only files anyway";
    testing::TempDir dir;
    testing::create_sample_library(dir.path() / "kitap.db");
    std::filesystem::permissions(dir.path() / "kitap.db", std::filesystem::perms::owner_read,
                                 std::filesystem::perm_options::replace);
    LocalKioskLibrary library{dir.path() / "kitap.db", core::Rules{}, "kiosk"};
    const auto fault = library.open();
    ASSERT_TRUE(fault);
    EXPECT_TRUE(fault->kind == FaultKind::database_read_only || fault->kind == FaultKind::database_unavailable);
}

}  // namespace
}  // namespace kitap::kiosk
