#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// A consistent copy of the live database made with SQLite's online backup API
// while stations keep writing; written beside the target and renamed into
// place, readable by the owner only (0600).
void backup_database(SQLite::Database& db, const std::filesystem::path& out);

// backups/kitap-2026-11-25T10-00-00Z.db beside the database.
std::filesystem::path default_backup_path(const std::filesystem::path& db_path, const std::string& timestamp);

// "kitap-<label>.db" with the label's colons made dashes, so that the name is
// valid on the FAT USB sticks backups are carried away on.
std::string backup_file_name(std::string_view label);

enum class RestoreRefusal { unreadable, integrity_failed, newer_schema, kiosk_running };
std::string_view to_string(RestoreRefusal refusal);

struct RestoreProblem {
    RestoreRefusal refusal;
    std::string detail;
};

// Checks a backup before it replaces anything: it opens as a database, passes
// PRAGMA integrity_check and is not from newer code.
std::optional<RestoreProblem> check_backup(const std::filesystem::path& backup);

// Replaces the database with a checked backup, keeping the replaced database
// beside it; refused while a kiosk holds the database (see KioskLock).
std::optional<RestoreProblem> restore_database(const std::filesystem::path& db_path,
                                               const std::filesystem::path& backup);

// The kiosk holds this lock (on <db>.kiosk-lock) for as long as it runs, so a
// restore cannot pull the database from under it.
class KioskLock {
public:
    explicit KioskLock(const std::filesystem::path& db_path);  // throws DatabaseError when another kiosk holds it
    ~KioskLock();
    KioskLock(const KioskLock&) = delete;
    KioskLock& operator=(const KioskLock&) = delete;

    static bool held_by_someone(const std::filesystem::path& db_path);

private:
    int fd_ = -1;
};

}  // namespace kitap::core
