#include "core/db/backup.hpp"

#include "core/audit/event_log.hpp"
#include "core/db/database.hpp"
#include "core/db/private_files.hpp"
#include "core/db/schema_check.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <thread>

namespace kitap::core {
namespace {

namespace fs = std::filesystem;

int count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt(); }

std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A library with one reader and one title, and a backup of it that `tamper`
// has changed through a plain connection, as someone with sqlite3 at hand would.
class TamperedBackup : public ::testing::Test {
protected:
    void SetUp() override {
        temp_.db().exec("INSERT INTO reader (card, full_name, category) VALUES ('T1', 'Әлия Нұрова', 'teacher')");
        backup_database(temp_.db(), saved_);
    }

    std::optional<RestoreProblem> restore_tampered(const std::string& tamper) {
        SQLite::Database(saved_.string(), SQLite::OPEN_READWRITE).exec(tamper);
        auto problem = restore_database(temp_.path(), saved_);
        // Refused means untouched: the database as it was, nothing left beside it.
        EXPECT_EQ(count(temp_.db(), "SELECT count(*) FROM reader"), 1);
        EXPECT_FALSE(fs::exists(temp_.path().string() + ".restoring"));
        EXPECT_FALSE(fs::exists(temp_.path().string() + ".replaced"));
        return problem;
    }

    testing::TempDatabase temp_;
    fs::path saved_ = temp_.dir() / "saved.db";
};

void expect_refusal(const std::optional<RestoreProblem>& problem, RestoreRefusal refusal, const std::string& object) {
    ASSERT_TRUE(problem) << "restored";
    EXPECT_EQ(to_string(problem->refusal), to_string(refusal)) << problem->detail;
    EXPECT_EQ(problem->detail, object);
}

TEST_F(TamperedBackup, TheTrapOfTheReviewIsRefused) {
    // The audit log's guards dropped and every new loan moved to the first reader.
    const auto problem = restore_tampered(R"(
        DROP TRIGGER event_no_update;
        DROP TRIGGER event_no_delete;
        CREATE TRIGGER loan_moves AFTER INSERT ON loan BEGIN
            UPDATE loan SET reader_id = (SELECT min(id) FROM reader) WHERE id = new.id;
        END;)");
    expect_refusal(problem, RestoreRefusal::missing_object, "trigger event_no_delete");
}

TEST_F(TamperedBackup, AnAddedTriggerIsRefused) {
    expect_refusal(restore_tampered("CREATE TRIGGER loan_moves AFTER INSERT ON loan BEGIN "
                                    "UPDATE loan SET reader_id = 1 WHERE id = new.id; END"),
                   RestoreRefusal::unexpected_object, "trigger loan_moves");
}

TEST_F(TamperedBackup, AGuardRewrittenToDoNothingIsRefused) {
    expect_refusal(restore_tampered("DROP TRIGGER event_no_update; "
                                    "CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT 1; END"),
                   RestoreRefusal::changed_object, "trigger event_no_update");
}

TEST_F(TamperedBackup, AnExtraIndexIsRefused) {
    expect_refusal(restore_tampered("CREATE INDEX reader_by_name ON reader (full_name)"),
                   RestoreRefusal::unexpected_object, "index reader_by_name");
}

TEST_F(TamperedBackup, AnExtraTableIsRefused) {
    expect_refusal(restore_tampered("CREATE TABLE stash (secret TEXT)"), RestoreRefusal::unexpected_object,
                   "table stash");
}

TEST_F(TamperedBackup, AChangedTableIsRefused) {
    expect_refusal(restore_tampered("ALTER TABLE reader ADD COLUMN note TEXT"), RestoreRefusal::changed_object,
                   "table reader");
}

TEST_F(TamperedBackup, AViewAddedOrChangedIsRefused) {
    expect_refusal(restore_tampered("CREATE VIEW reader_cards AS SELECT card FROM reader"),
                   RestoreRefusal::unexpected_object, "view reader_cards");
    // The same name as before, other SQL: changed, against a reference that has the view.
    SQLite::Database reference(":memory:", SQLite::OPEN_READWRITE);
    reference.exec("CREATE VIEW v AS SELECT 1");
    SQLite::Database tampered(":memory:", SQLite::OPEN_READWRITE);
    tampered.exec("CREATE VIEW v AS SELECT 2");
    const auto difference = first_schema_difference(read_schema(tampered), read_schema(reference));
    ASSERT_TRUE(difference);
    EXPECT_EQ(difference->kind, SchemaDifferenceKind::changed);
    EXPECT_EQ(difference->object, "view v");
}

TEST_F(TamperedBackup, AnOlderBackupIsComparedWithItsOwnVersionThenMigrated) {
    auto older = reference_schema(1);
    older.exec("INSERT INTO reader (card, full_name, category) VALUES ('T2', 'Қанат Сейітов', 'teacher')");
    const fs::path old_backup = temp_.dir() / "old.db";
    backup_database(older, old_backup);
    ASSERT_FALSE(restore_database(temp_.path(), old_backup));
    auto restored = open_database(temp_.path());
    EXPECT_EQ(schema_version(restored), latest_schema_version());
    EXPECT_EQ(restored.execAndGet("SELECT card FROM reader").getString(), "T2");
    // Migrated from version 1, its schema is today's to the letter.
    const fs::path again = temp_.dir() / "again.db";
    backup_database(restored, again);
    EXPECT_FALSE(check_backup(again));
}

TEST_F(TamperedBackup, AnOlderBackupWithATrapIsRefused) {
    auto older = reference_schema(1);
    older.exec("CREATE TRIGGER loan_moves AFTER INSERT ON loan BEGIN UPDATE loan SET reader_id = 1; END");
    const fs::path old_backup = temp_.dir() / "old.db";
    backup_database(older, old_backup);
    expect_refusal(restore_database(temp_.path(), old_backup), RestoreRefusal::unexpected_object, "trigger loan_moves");
    EXPECT_EQ(schema_version(temp_.db()), latest_schema_version());
}

TEST(Backup, APlantedLinkAtRestoringIsRefusedAndItsTargetUntouched) {
    testing::TempDatabase temp;
    const fs::path saved = temp.dir() / "saved.db";
    backup_database(temp.db(), saved);
    const fs::path victim = temp.dir() / "victim.txt";
    std::ofstream(victim) << "someone else's file";
    const fs::path restoring = temp.path().string() + ".restoring";
    fs::create_symlink(victim, restoring);
    const auto problem = restore_database(temp.path(), saved);
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->refusal, RestoreRefusal::planted_link);
    EXPECT_EQ(problem->detail, restoring.string());
    EXPECT_EQ(contents(victim), "someone else's file");
    EXPECT_TRUE(fs::is_symlink(restoring));
    EXPECT_FALSE(fs::exists(temp.path().string() + ".replaced"));
}

TEST(Backup, ALeftoverRestoringFileIsReplaced) {
    testing::TempDatabase temp;
    const fs::path saved = temp.dir() / "saved.db";
    backup_database(temp.db(), saved);
    std::ofstream(temp.path().string() + ".restoring") << "half of an interrupted restore";
    EXPECT_FALSE(restore_database(temp.path(), saved));
    EXPECT_FALSE(fs::exists(temp.path().string() + ".restoring"));
}

TEST(Backup, APlantedLinkAtTheLockIsRefusedAndItsTargetNotCreated) {
    testing::TempDatabase temp;
    const fs::path victim = temp.dir() / "victim";
    fs::create_symlink(victim, temp.path().string() + ".kiosk-lock");
    try {
        KioskLock lock(temp.path());
        FAIL() << "the kiosk took a lock through a link";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("symbolic link"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(victim));
}

TEST(Backup, ABackupIsNotWrittenThroughALink) {
    testing::TempDatabase temp;
    const fs::path victim = temp.dir() / "victim.txt";
    std::ofstream(victim) << "someone else's file";
    const fs::path out = temp.dir() / "backup.db";
    fs::create_symlink(victim, out);
    EXPECT_THROW(backup_database(temp.db(), out), PlantedLinkError);
    EXPECT_EQ(contents(victim), "someone else's file");
    EXPECT_EQ(std::distance(fs::directory_iterator(temp.dir()), fs::directory_iterator()),
              5)  // db, -wal, -shm, victim, link
        << "a staging folder was left behind";
}

TEST(Backup, ConsistentWhileAnotherConnectionWrites) {
    testing::TempDatabase temp;
    temp.db().exec("INSERT INTO title (title, kind) VALUES ('Абай жолы', 'fiction')");
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        auto db = open_database(temp.path());
        EventLog events(db);
        const auto at = parse_iso_timestamp("2026-11-25T10:00:00Z").value();
        for (int i = 0; !stop; ++i) events.append({.at = at, .action = "test", .detail = std::to_string(i)});
    });
    const fs::path out = temp.dir() / "copy.db";
    backup_database(temp.db(), out);
    stop = true;
    writer.join();
    EXPECT_FALSE(check_backup(out));
    SQLite::Database copy(out.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(count(copy, "SELECT count(*) FROM title"), 1);
    EXPECT_EQ(fs::status(out).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
}

TEST(Backup, RestoreReplacesTheDatabaseAndKeepsTheOld) {
    testing::TempDatabase temp;
    temp.db().exec("INSERT INTO title (title, kind) VALUES ('Абай жолы', 'fiction')");
    const fs::path saved = temp.dir() / "saved.db";
    backup_database(temp.db(), saved);
    temp.db().exec("INSERT INTO title (title, kind) VALUES ('Қара сөздер', 'fiction')");
    const fs::path live = temp.dir() / "live.db";
    backup_database(temp.db(), live);
    EXPECT_FALSE(restore_database(live, saved));
    auto restored = open_database(live);
    EXPECT_EQ(count(restored, "SELECT count(*) FROM title"), 1);
    EXPECT_TRUE(fs::exists(live.string() + ".replaced"));
}

TEST(Backup, RestoreRefusesBadFilesAndARunningKiosk) {
    testing::TempDatabase temp;
    const fs::path junk = temp.dir() / "junk.db";
    std::ofstream(junk) << "not a database at all, just text that is long enough to be a header";
    EXPECT_EQ(restore_database(temp.dir() / "live.db", junk)->refusal, RestoreRefusal::unreadable);
    const fs::path newer = temp.dir() / "newer.db";
    backup_database(temp.db(), newer);
    SQLite::Database(newer.string(), SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 999");
    EXPECT_EQ(check_backup(newer)->refusal, RestoreRefusal::newer_schema);
    const fs::path saved = temp.dir() / "saved.db";
    backup_database(temp.db(), saved);
    KioskLock kiosk(temp.path());
    EXPECT_TRUE(KioskLock::held_by_someone(temp.path()));
    EXPECT_THROW(KioskLock second(temp.path()), DatabaseError);
    EXPECT_EQ(restore_database(temp.path(), saved)->refusal, RestoreRefusal::kiosk_running);
}

TEST(Backup, MigratingAnOlderDatabaseBacksItUpFirstAndAFailedStepChangesNothing) {
    testing::TempDatabase temp;
    // Claims to be at version 12 while already holding the tables of step 13 (holds),
    // which creates them: that step fails part-way and must roll back whole. (Not the
    // last step: a rebuild such as step 14's runs twice without failing.)
    const int older = 12;
    temp.db().exec("PRAGMA user_version = " + std::to_string(older));
    EXPECT_THROW(open_database(temp.path()), DatabaseError);
    EXPECT_EQ(schema_version(temp.db()), older);
    bool found = false;
    for (const auto& entry : fs::directory_iterator(temp.dir() / "backups"))
        found |= entry.path().filename().string().starts_with("kitap-before-schema-" + std::to_string(older + 1) + "-");
    EXPECT_TRUE(found);
}

}  // namespace
}  // namespace kitap::core
