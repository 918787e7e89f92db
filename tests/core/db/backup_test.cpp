#include "core/db/backup.hpp"

#include "core/audit/event_log.hpp"
#include "core/db/database.hpp"
#include "core/test_database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>

namespace kitap::core {
namespace {

namespace fs = std::filesystem;

int count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt(); }

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
    // Claims to be one version behind while already holding the last step's tables,
    // so the last migration fails part-way: it must roll back whole.
    const int older = latest_schema_version() - 1;
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
