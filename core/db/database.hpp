#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace kitap::core {

// Broken infrastructure: the database cannot be opened, is newer than this code,
// or a migration failed. Expected outcomes are never reported this way.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The schema version this build writes (the number of the last migration).
int latest_schema_version();

// Opens the library database, creating it and its folder when missing, sets the
// pragmas every connection needs (WAL, synchronous=FULL, foreign keys, busy
// timeout) and applies pending migrations one at a time, each in its own
// transaction. Refuses a database written by newer code.
SQLite::Database open_database(const std::filesystem::path& path);

// Opens one connection hardened as every Kitap connection is, so that a file
// brought in from outside reaches no further than its own tables:
// SQLITE_DBCONFIG_DEFENSIVE (no writable_schema, no journal_mode=OFF, no raw
// page writes) and trusted_schema=OFF (a file's triggers and views may call
// only innocuous functions). Every connection in Kitap is opened here.
SQLite::Database open_connection(const std::string& filename, int flags, int busy_timeout_ms = 0);

// A database in memory with the migrations up to `version` applied: the schema
// a library database at that version has, object for object.
SQLite::Database reference_schema(int version);

// Creates `file` empty and readable by its owner only (0600) unless it exists.
// A database SQLite then opens there keeps that mode, and SQLite gives its
// -wal, -shm and -journal files the database's mode, so the library's data is
// the service user's alone whatever the umask.
void create_owner_only(const std::filesystem::path& file);

// Reads PRAGMA user_version.
int schema_version(SQLite::Database& db);

}  // namespace kitap::core
