#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace kitap::core {

// Broken infrastructure: the database cannot be opened, is newer than this code,
// or a migration failed. Expected outcomes are never reported this way.
// `sqlite_code` is SQLite's extended result code when SQLite refused (0 otherwise),
// so that core::fault_from can tell a locked or read-only file from a missing one.
class DatabaseError : public std::runtime_error {
public:
    explicit DatabaseError(const std::string& what, int sqlite_code = 0)
        : std::runtime_error(what), sqlite_code_(sqlite_code) {}
    int sqlite_code() const { return sqlite_code_; }

private:
    int sqlite_code_ = 0;
};

// The database was written by a newer Kitap (its schema version is above ours).
class NewerSchemaError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

// The schema version this build writes (the number of the last migration).
int latest_schema_version();

// Opens the library database, creating it and its folder when missing, sets the
// pragmas every connection needs (WAL, synchronous=NORMAL, foreign keys, busy
// timeout) and applies pending migrations one at a time, each in its own
// transaction. Refuses a database written by newer code.
SQLite::Database open_database(const std::filesystem::path& path);

// Opens one connection hardened as every Kitap connection is, so that a file
// brought in from outside reaches no further than its own tables:
// SQLITE_DBCONFIG_DEFENSIVE (no writable_schema, no journal_mode=OFF, no raw
// page writes) and trusted_schema=OFF (a file's triggers and views may call
// only innocuous functions). Every connection in Kitap is opened here.
SQLite::Database open_connection(const std::string& filename, int flags, int busy_timeout_ms = 0);

// How long a statement of this connection waits for another connection's lock before it
// is SQLITE_BUSY (zero: not at all). Instead of SQLite's own busy timeout, which sleeps
// 1, 2, 5, 10... ms between tries, it tries again after 50 us at first: two stations
// committing at once (the web desk's, a remote kiosk's) then wait for each other's
// sub-millisecond commit, not for a 10 ms sleep.
void set_busy_wait(SQLite::Database& db, std::chrono::milliseconds timeout);

// A database in memory with the migrations up to `version` applied: the schema
// a library database at that version has, object for object.
SQLite::Database reference_schema(int version);

// Creates `file` empty and readable by its owner only (0600) unless it exists.
// A database SQLite then opens there keeps that mode, and SQLite gives its
// -wal, -shm and -journal files the database's mode, so the library's data is
// the service user's alone whatever the umask.
void create_owner_only(const std::filesystem::path& file);

// What a connection's error carries (the extended code, such as SQLITE_IOERR_WRITE),
// else the code the exception was made with.
int sqlite_error_code(const SQLite::Exception& error);

// Reads PRAGMA user_version.
int schema_version(SQLite::Database& db);

}  // namespace kitap::core
