#include "core/db/backup.hpp"

#include "core/db/database.hpp"

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>

namespace kitap::core {
namespace {

namespace fs = std::filesystem;

fs::path lock_path(const fs::path& db_path) { return fs::path(db_path.string() + ".kiosk-lock"); }

void owner_only(const fs::path& file) {
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
}

}  // namespace

void backup_database(SQLite::Database& db, const fs::path& out) {
    if (out.has_parent_path()) fs::create_directories(out.parent_path());
    const fs::path partial = out.string() + ".partial";
    fs::remove(partial);
    {
        create_owner_only(partial);
        SQLite::Database copy(partial.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup backup(copy, db);
        // A few hundred pages at a time so that a kiosk writing meanwhile only waits briefly.
        while (backup.executeStep(256) != SQLITE_DONE) sqlite3_sleep(1);
    }
    fs::rename(partial, out);
}

std::string backup_file_name(std::string_view label) {
    std::string name = "kitap-" + std::string(label) + ".db";
    std::replace(name.begin(), name.end(), ':', '-');
    return name;
}

fs::path default_backup_path(const fs::path& db_path, const std::string& timestamp) {
    return db_path.parent_path() / "backups" / backup_file_name(timestamp);
}

std::string_view to_string(RestoreRefusal refusal) {
    switch (refusal) {
        case RestoreRefusal::unreadable: return "unreadable";
        case RestoreRefusal::integrity_failed: return "integrity_failed";
        case RestoreRefusal::newer_schema: return "newer_schema";
        case RestoreRefusal::kiosk_running: break;
    }
    return "kiosk_running";
}

std::optional<RestoreProblem> check_backup(const fs::path& backup) {
    try {
        SQLite::Database db(backup.string(), SQLite::OPEN_READONLY);
        const std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
        if (integrity != "ok") return RestoreProblem{RestoreRefusal::integrity_failed, integrity};
        const int version = schema_version(db);
        if (version > latest_schema_version())
            return RestoreProblem{RestoreRefusal::newer_schema, "schema version " + std::to_string(version)};
        if (version == 0 || !db.tableExists("reader"))
            return RestoreProblem{RestoreRefusal::unreadable, "not a Kitap database"};
    } catch (const SQLite::Exception& e) {
        return RestoreProblem{RestoreRefusal::unreadable, e.what()};
    }
    return std::nullopt;
}

std::optional<RestoreProblem> restore_database(const fs::path& db_path, const fs::path& backup) {
    if (auto problem = check_backup(backup)) return problem;
    if (KioskLock::held_by_someone(db_path))
        return RestoreProblem{RestoreRefusal::kiosk_running, "a kiosk holds " + db_path.string()};
    // Copied first and renamed into place, so a failure part-way leaves the old database as it was.
    const fs::path incoming = db_path.string() + ".restoring";
    fs::copy_file(backup, incoming, fs::copy_options::overwrite_existing);
    owner_only(incoming);
    if (fs::exists(db_path)) {
        // Fold the WAL into the old database before keeping it aside.
        { SQLite::Database old(db_path.string(), SQLite::OPEN_READWRITE); old.exec("PRAGMA wal_checkpoint(TRUNCATE)"); }
        fs::rename(db_path, db_path.string() + ".replaced");
        for (const char* suffix : {"-wal", "-shm"}) fs::remove(db_path.string() + suffix);
    }
    fs::rename(incoming, db_path);
    open_database(db_path);  // migrates an older backup, with its own backup first
    return std::nullopt;
}

KioskLock::KioskLock(const fs::path& db_path) {
    fd_ = ::open(lock_path(db_path).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (fd_ >= 0) ::close(fd_);
        throw DatabaseError("another kiosk is running on " + db_path.string());
    }
}

KioskLock::~KioskLock() { ::close(fd_); }

bool KioskLock::held_by_someone(const fs::path& db_path) {
    const int fd = ::open(lock_path(db_path).c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd);
    return held;
}

}  // namespace kitap::core
