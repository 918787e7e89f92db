#include "core/db/database.hpp"

#include "core/audit/event_chain.hpp"
#include "core/calendar.hpp"
#include "core/db/backup.hpp"
#include "core/db/write_transaction.hpp"
#include "core/db/writer_turns.hpp"
#include "core/embedded_file.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <system_error>
#include <thread>

namespace kitap::core {

extern const std::vector<kitap::EmbeddedFile> migrations;  // generated from core/sql/migrations

namespace {

constexpr int busy_timeout_ms = 5000;

// "0003_loans.sql" -> 3. The CMake glob keeps files sorted; the number is checked anyway.
int migration_number(std::string_view name) {
    int number = 0;
    auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
    if (error != std::errc{} || end == name.data())
        throw DatabaseError("migration file without a number: " + std::string(name));
    return number;
}

void apply_migration(SQLite::Database& db, const EmbeddedFile& migration, int version) {
    try {
        WriteTransaction transaction(db);
        // Another program opening the file at the same moment (the kiosk and the web
        // console, started together after an upgrade) may have applied it since.
        if (schema_version(db) >= version) return;
        db.exec(std::string(migration.contents));
        db.exec("PRAGMA user_version = " + std::to_string(version));
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        throw DatabaseError("migration " + std::string(migration.name) + " failed: " + e.what(), sqlite_error_code(e));
    }
}

// Before a migration touches a library's data, a copy of it as it was.
void backup_before_migrating(SQLite::Database& db, const std::filesystem::path& path, int from) {
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    const std::string name = "before-schema-" + std::to_string(from + 1) + "-" + iso_timestamp(now);
    backup_database(db, default_backup_path(path, name));
}

// Applies the migrations numbered above `from` and up to `to`, one transaction each.
void apply_migrations(SQLite::Database& db, int from, int to) {
    add_event_hash_function(db);  // migration 6 chains the event log written before it
    for (const auto& migration : migrations) {
        const int version = migration_number(migration.name);
        if (version > from && version <= to) apply_migration(db, migration, version);
    }
}

void migrate(SQLite::Database& db, const std::filesystem::path& path) {
    const int current = schema_version(db);
    const int latest = latest_schema_version();
    if (current > latest)
        throw NewerSchemaError("database " + path.string() + " has schema version " + std::to_string(current) +
                               ", newer than this Kitap understands (" + std::to_string(latest) +
                               "); use the newer Kitap that wrote it");
    if (current > 0 && current < latest) backup_before_migrating(db, path, current);
    apply_migrations(db, current, latest);
}

}  // namespace

int latest_schema_version() {
    int latest = 0;
    for (const auto& migration : migrations) latest = std::max(latest, migration_number(migration.name));
    return latest;
}

void create_owner_only(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return;
    }
    if (errno != EEXIST)
        throw std::filesystem::filesystem_error("cannot create", file, std::error_code(errno, std::generic_category()));
}

namespace {

using BusyClock = std::chrono::steady_clock;

// When the wait the busy handler is called for began: a thread runs one statement at a
// time, and SQLite calls the handler with count 0 at the start of each wait.
thread_local BusyClock::time_point busy_since;

// The pause before trying a lock again: short while the holder is likely one commit
// (a scan's transaction takes well under a millisecond), then up to 2 ms.
std::chrono::microseconds busy_pause(int count) {
    return std::chrono::microseconds(std::min(50 << std::min(count / 4, 6), 2000));
}

int wait_for_lock(void* timeout_ms, int count) {
    const auto now = BusyClock::now();
    if (count == 0) busy_since = now;
    const auto timeout = std::chrono::milliseconds(reinterpret_cast<std::intptr_t>(timeout_ms));
    if (now - busy_since >= timeout) return 0;
    std::this_thread::sleep_for(std::min<BusyClock::duration>(busy_pause(count), timeout - (now - busy_since)));
    return 1;
}

}  // namespace

void set_busy_wait(SQLite::Database& db, std::chrono::milliseconds timeout) {
    WriterTurns::enrol(db.getHandle(), timeout);
    if (timeout <= std::chrono::milliseconds::zero()) {
        sqlite3_busy_handler(db.getHandle(), nullptr, nullptr);
        return;
    }
    // The timeout rides in the handler's pointer: nothing to allocate or free with the connection.
    sqlite3_busy_handler(db.getHandle(), wait_for_lock,
                         reinterpret_cast<void*>(static_cast<std::intptr_t>(timeout.count())));
}

SQLite::Database open_connection(const std::string& filename, int flags, int busy_timeout) {
    SQLite::Database db(filename, flags);
    set_busy_wait(db, std::chrono::milliseconds(busy_timeout));
    if (sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, static_cast<int*>(nullptr)) != SQLITE_OK)
        throw DatabaseError("cannot make the connection to " + filename + " defensive");
    db.exec("PRAGMA trusted_schema = OFF");
    return db;
}

SQLite::Database reference_schema(int version) {
    auto db = open_connection(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    apply_migrations(db, 0, version);
    return db;
}

int sqlite_error_code(const SQLite::Exception& error) {
    return error.getExtendedErrorCode() >= 0 ? error.getExtendedErrorCode() : error.getErrorCode();
}

int schema_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

SQLite::Database open_database(const std::filesystem::path& path) {
    try {
        // ":memory:" (the fuzz targets' library) is SQLite's name for no file at all.
        if (path != ":memory:") {
            if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
            create_owner_only(path);
        }
        auto db = open_connection(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busy_timeout_ms);
        db.exec("PRAGMA journal_mode = WAL");
        // Every scan's outcome is reported only after its effect is on disk, so a power
        // cut cannot undo an acknowledged loan: NORMAL leaves the log's sync at commit to
        // WriteTransaction, which shares one among the commits of this process made
        // meanwhile (SharedSyncs); SQLite still syncs around checkpoints.
        db.exec("PRAGMA synchronous = NORMAL");
        db.exec("PRAGMA foreign_keys = ON");
        migrate(db, path);
        return db;
    } catch (const SQLite::Exception& e) {
        throw DatabaseError("cannot open database " + path.string() + ": " + e.what(), sqlite_error_code(e));
    } catch (const std::filesystem::filesystem_error& e) {
        throw DatabaseError("cannot create " + path.string() + " or its folder: " + e.what());
    }
}

}  // namespace kitap::core
