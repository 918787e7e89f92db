#include "core/offline/kiosk_file.hpp"

#include "core/db/database.hpp"
#include "core/db/write_transaction.hpp"

namespace kitap::core {
namespace {

constexpr int kiosk_file_version = 1;
constexpr const char* kiosk_file_kind = "kitap-kiosk-journal";

// Append-only entries, their acknowledgements apart, and the cached snapshot.
constexpr const char* kiosk_file_schema = R"(
CREATE TABLE kiosk_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE journal (
    seq        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE CHECK (length(id) = 32),
    station    TEXT    NOT NULL CHECK (station <> ''),
    scanned_at TEXT    NOT NULL CHECK (scanned_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    card       TEXT    NOT NULL,
    code       TEXT    NOT NULL CHECK (code <> ''),
    mode       TEXT    NOT NULL CHECK (mode IN ('self', 'desk', 'return', 'stocktake'))
);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the offline journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the offline journal is append-only'); END;

CREATE TABLE acknowledged (
    id TEXT PRIMARY KEY REFERENCES journal (id)
) WITHOUT ROWID;

CREATE TABLE cache_reader (
    card        TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    class_name  TEXT    NOT NULL,
    left_school INTEGER NOT NULL,
    pin_needed  INTEGER NOT NULL,
    loan_limit  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE cache_held (
    card     TEXT    NOT NULL,
    code     TEXT    NOT NULL,
    title    TEXT    NOT NULL,
    kind     TEXT    NOT NULL,
    quantity INTEGER NOT NULL,
    due      TEXT    NOT NULL,
    loan_id  INTEGER NOT NULL,
    renewals INTEGER NOT NULL
);
CREATE INDEX cache_held_by_card ON cache_held (card);

CREATE TABLE cache_copy (
    barcode     TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    holder_card TEXT
) WITHOUT ROWID;
)";

std::string meta_value(SQLite::Database& db, const std::string& key) {
    SQLite::Statement query(db, "SELECT value FROM kiosk_meta WHERE key = ?");
    query.bind(1, key);
    return query.executeStep() ? query.getColumn(0).getString() : std::string();
}

void create_kiosk_file(SQLite::Database& db, const std::string& station) {
    WriteTransaction transaction(db);
    db.exec(kiosk_file_schema);
    SQLite::Statement insert(db, "INSERT INTO kiosk_meta (key, value) VALUES ('kind', ?), ('station', ?)");
    insert.bind(1, kiosk_file_kind);
    insert.bind(2, station);
    insert.exec();
    db.exec("PRAGMA user_version = " + std::to_string(kiosk_file_version));
    transaction.commit();
}

// A file made by this code for this station, or a new empty one.
void check_kiosk_file(SQLite::Database& db, const std::filesystem::path& path, const std::string& station) {
    if (db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0) return create_kiosk_file(db, station);
    if (!db.tableExists("kiosk_meta") || meta_value(db, "kind") != kiosk_file_kind)
        throw DatabaseError(path.string() + " is not a Kitap kiosk's journal (is it the school's database?)");
    if (schema_version(db) > kiosk_file_version)
        throw NewerSchemaError("the kiosk journal " + path.string() + " was written by a newer Kitap");
    const std::string owner = meta_value(db, "station");
    if (owner != station)
        throw DatabaseError("the kiosk journal " + path.string() + " is station " + owner + "'s, not " + station +
                            "'s: each station keeps its own");
}

// The file's folder, made when missing (the lock file goes there first).
const std::filesystem::path& in_its_folder(const std::filesystem::path& path) {
    try {
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    } catch (const std::filesystem::filesystem_error& e) {
        throw DatabaseError("cannot create the folder of the kiosk journal " + path.string() + ": " + e.what());
    }
    return path;
}

SQLite::Database open_kiosk_file(const std::filesystem::path& path, const std::string& station) {
    if (station.empty()) throw DatabaseError("a kiosk's journal needs the station's name");
    try {
        create_owner_only(path);
        auto db = open_connection(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA journal_mode = WAL");
        // An entry is on disk before the pupil is told "saved": FULL syncs the log at each commit.
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
        check_kiosk_file(db, path, station);
        return db;
    } catch (const SQLite::Exception& e) {
        throw DatabaseError("cannot open the kiosk journal " + path.string() + ": " + e.what(), sqlite_error_code(e));
    } catch (const std::filesystem::filesystem_error& e) {
        throw DatabaseError("cannot create the kiosk journal " + path.string() + ": " + e.what());
    }
}

}  // namespace

KioskFile::KioskFile(const std::filesystem::path& path, const std::string& station)
    : lock(in_its_folder(path)), db(open_kiosk_file(path, station)), journal(db, station), cache(db) {}

}  // namespace kitap::core
