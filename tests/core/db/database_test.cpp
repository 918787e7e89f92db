#include "core/db/database.hpp"

#include "core/audit/event_log.hpp"
#include "core/db/backup.hpp"
#include "tests/support/school.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace kitap::core {
namespace {

TEST(Database, FreshDatabaseHasEveryMigrationApplied) {
    testing::TempDatabase temp;
    EXPECT_EQ(schema_version(temp.db()), latest_schema_version());
    EXPECT_GE(latest_schema_version(), 1);
}

TEST(Database, TheStationMigrationKeepsEveryAccountItsIdAndItsClasses) {
    auto older = reference_schema(8);
    older.exec(R"(
        INSERT INTO school_class (id, grade, letter, language, school_year) VALUES (7, 5, 'Ә', 'kk', '2026-2027');
        INSERT INTO account (id, name, role, password_hash, credentials_version, created_at) VALUES
            (3, 'aigul', 'librarian', '$argon2id$v=19$a', 1, '2026-11-25T09:00:00Z'),
            (9, 'marat.s', 'teacher', '$argon2id$v=19$b', 4, '2026-11-25T09:00:00Z');
        INSERT INTO account_class (account_id, class_id) VALUES (9, 7);)");
    testing::TempDir dir;
    backup_database(older, dir / "kitap.db");
    auto migrated = open_database(dir / "kitap.db");
    EXPECT_EQ(migrated
                  .execAndGet("SELECT group_concat(id || ' ' || name || ' ' || role || ' ' || password_hash || ' ' || "
                              "credentials_version, '; ') FROM account ORDER BY id")
                  .getString(),
              "3 aigul librarian $argon2id$v=19$a 1; 9 marat.s teacher $argon2id$v=19$b 4");
    EXPECT_EQ(migrated.execAndGet("SELECT account_id || ' ' || class_id FROM account_class").getString(), "9 7");
    SQLite::Statement dangling(migrated, "PRAGMA foreign_key_check");
    EXPECT_FALSE(dangling.executeStep());
    migrated.exec("DELETE FROM account WHERE id = 9");
    EXPECT_EQ(migrated.execAndGet("SELECT count(*) FROM account_class").getInt(), 0) << "the cascade still holds";
    EXPECT_THROW(migrated.exec("INSERT INTO account (name, role, created_at) VALUES ('kiosk', 'station', 'now')"),
                 SQLite::Exception)
        << "a station needs a token";
    EXPECT_THROW(migrated.exec("INSERT INTO account (name, role, token_hash, password_hash, created_at) VALUES "
                               "('kiosk', 'librarian', '" +
                               std::string(64, 'a') + "', '$argon2id$x', 'now')"),
                 SQLite::Exception)
        << "only a station has a token";
}

// After an upgrade the kiosk and the web console start together on the older library:
// both read its version, and the second to migrate found the first's migrations applied
// ("no such index" and the like) and did not open.
TEST(Database, TwoProgramsOpeningAnOlderDatabaseAtOnceBothOpenIt) {
    testing::TempDir dir;
    for (int round = 0; round < 5; ++round) {
        const auto path = dir / ("kitap-" + std::to_string(round) + ".db");
        auto older = reference_schema(latest_schema_version() - 2);
        backup_database(older, path);
        std::latch start(2);
        std::vector<std::string> failures(2);
        {
            std::vector<std::jthread> programs;
            for (auto& failure : failures)
                programs.emplace_back([&] {
                    start.arrive_and_wait();
                    try {
                        auto db = open_database(path);
                        EXPECT_EQ(schema_version(db), latest_schema_version());
                    } catch (const DatabaseError& e) {
                        failure = e.what();
                    }
                });
        }
        EXPECT_EQ(failures, std::vector<std::string>(2)) << "round " << round;
    }
}

TEST(Database, TheTransferMigrationKeepsEveryActAndRowAndTakesTheNewReason) {
    auto older = reference_schema(13);
    older.exec(R"(
        INSERT INTO title (id, title, kind, stock) VALUES (4, 'Алгебра. 7-сынып', 'textbook', 10);
        INSERT INTO writeoff_act (id, number, act_date, reason) VALUES (6, '2026-1', '2026-11-25', 'worn');
        INSERT INTO writeoff_row (id, act_id, title_id, quantity, price_tiyn) VALUES (8, 6, 4, 3, 150000);)");
    testing::TempDir dir;
    backup_database(older, dir / "kitap.db");
    auto migrated = open_database(dir / "kitap.db");
    EXPECT_EQ(migrated.execAndGet("SELECT id || ' ' || number || ' ' || reason FROM writeoff_act").getString(),
              "6 2026-1 worn");
    EXPECT_EQ(migrated.execAndGet("SELECT id || ' ' || act_id || ' ' || quantity FROM writeoff_row").getString(),
              "8 6 3");
    SQLite::Statement dangling(migrated, "PRAGMA foreign_key_check");
    EXPECT_FALSE(dangling.executeStep());
    EXPECT_EQ(migrated.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'writeoff_act_by_date'").getInt(),
              1);
    migrated.exec("INSERT INTO writeoff_act (number, act_date, reason) VALUES ('2026-2', '2026-11-26', 'transfer')");
    EXPECT_THROW(migrated.exec("INSERT INTO writeoff_act (number, act_date, reason) VALUES ('2026-3', 'x', 'sold')"),
                 SQLite::Exception);
}

// NORMAL: the log's sync at each commit is WriteTransaction's (writer_turns_test.cpp).
TEST(Database, PragmasMakeEveryCommitDurable) {
    testing::TempDatabase temp;
    EXPECT_EQ(temp.db().execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(temp.db().execAndGet("PRAGMA synchronous").getInt(), 1);
    EXPECT_EQ(temp.db().execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

TEST(Database, ReopeningIsIdempotent) {
    testing::TempDatabase temp;
    temp.db().exec("INSERT INTO title (title, kind) VALUES ('Абай жолы', 'fiction')");
    auto again = open_database(temp.path());
    EXPECT_EQ(schema_version(again), latest_schema_version());
    EXPECT_EQ(again.execAndGet("SELECT count(*) FROM title").getInt(), 1);
}

TEST(Database, ANewDatabaseAndItsWalAndShmAreTheOwnersOnly) {
    const mode_t usual = ::umask(022);  // what a librarian's shell has: files readable by everyone
    testing::TempDatabase temp;
    ::umask(usual);
    temp.db().exec("INSERT INTO title (title, kind) VALUES ('Абай жолы', 'fiction')");
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const std::filesystem::path file = temp.path().string() + suffix;
        ASSERT_TRUE(std::filesystem::exists(file)) << file;
        EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
                  std::filesystem::perms::owner_read | std::filesystem::perms::owner_write)
            << file;
    }
}

int defensive(SQLite::Database& db) {
    int on = -1;
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_DEFENSIVE, -1, &on);
    return on;
}

// An application function SQLite is not told is innocuous, as an extension could add.
void add_probe_function(SQLite::Database& db) {
    auto probe = [](sqlite3_context* context, int, sqlite3_value**) { sqlite3_result_int(context, 42); };
    sqlite3_create_function_v2(db.getHandle(), "probe", 0, SQLITE_UTF8, nullptr, probe, nullptr, nullptr, nullptr);
}

TEST(Database, EveryConnectionIsDefensiveAndDistrustsTheSchema) {
    testing::TempDatabase temp;
    SQLite::Database(temp.path().string(), SQLite::OPEN_READWRITE).exec("CREATE VIEW probed AS SELECT probe()");
    auto plain = SQLite::Database(temp.path().string(), SQLite::OPEN_READWRITE);
    add_probe_function(plain);
    ASSERT_EQ(plain.execAndGet("SELECT * FROM probed").getInt(), 42);  // what a file's view could do before

    auto kitaps = open_database(temp.path());
    auto in_memory = open_connection(":memory:", SQLite::OPEN_READWRITE);
    for (auto* db : {&kitaps, &in_memory}) {
        EXPECT_EQ(defensive(*db), 1);
        EXPECT_EQ(db->execAndGet("PRAGMA trusted_schema").getInt(), 0);
    }
    add_probe_function(kitaps);
    EXPECT_THROW(kitaps.execAndGet("SELECT * FROM probed"), SQLite::Exception);
    // Defensive: even with writable_schema on, the schema cannot be edited as a table.
    const std::string edit_schema = "UPDATE sqlite_schema SET sql = sql WHERE 0";
    for (auto* db : {&plain, &kitaps}) db->exec("PRAGMA writable_schema = ON");
    EXPECT_NO_THROW(plain.exec(edit_schema));
    EXPECT_THROW(kitaps.exec(edit_schema), SQLite::Exception);
}

// set_busy_wait: a write waits for another connection's lock while it is held within
// the timeout (and gets it as soon as it is free), and is SQLITE_BUSY past it.
TEST(Database, AWriteWaitsForAnotherConnectionsLockUpToItsTimeout) {
    testing::TempDatabase temp;
    auto waiting = open_database(temp.path());
    set_busy_wait(waiting, std::chrono::milliseconds(2000));
    temp.db().exec("BEGIN IMMEDIATE");
    std::thread holder([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        temp.db().exec("COMMIT");
    });
    EXPECT_NO_THROW(waiting.exec("BEGIN IMMEDIATE; COMMIT"));
    holder.join();

    set_busy_wait(waiting, std::chrono::milliseconds(100));
    temp.db().exec("BEGIN IMMEDIATE");
    const auto start = std::chrono::steady_clock::now();
    try {
        waiting.exec("BEGIN IMMEDIATE");
        ADD_FAILURE() << "the lock held by another connection was taken";
    } catch (const SQLite::Exception& e) {
        EXPECT_EQ(e.getErrorCode(), SQLITE_BUSY);
    }
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(100));
    temp.db().exec("COMMIT");
}

TEST(Database, RefusesADatabaseFromNewerCode) {
    testing::TempDatabase temp;
    temp.db().exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
    try {
        open_database(temp.path());
        FAIL() << "a newer database was opened";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
}

TEST(Database, EventLogIsAppendOnly) {
    testing::TempDatabase temp;
    EventLog(temp.db()).append({.at = parse_iso_timestamp("2026-11-25T10:00:00Z").value(), .action = "loan"});
    EXPECT_THROW(temp.db().exec("UPDATE event SET action = 'return'"), SQLite::Exception);
    EXPECT_THROW(temp.db().exec("DELETE FROM event"), SQLite::Exception);
}

TEST(Database, ACopyCannotBeOnLoanTwice) {
    testing::TestSchool temp;
    auto& db = temp.db();
    temp.add_class("2026-2027", 5, "Ә");
    db.exec("INSERT INTO reader (card, full_name, category, class_id) VALUES ('1', 'Әлия', 'pupil', 1)");
    db.exec("INSERT INTO title (title, kind) VALUES ('Абай жолы', 'fiction')");
    db.exec("INSERT INTO copy (barcode, title_id) VALUES ('100', 1)");
    const std::string lend =
        "INSERT INTO loan (reader_id, title_id, copy_id, loaned_at, due) VALUES (1, 1, 1, '2026-11-25T10:00:00Z', "
        "'2026-12-09')";
    db.exec(lend);
    EXPECT_THROW(db.exec(lend), SQLite::Exception);
}

}  // namespace
}  // namespace kitap::core
