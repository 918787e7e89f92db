#pragma once

#include "core/db/sqlite_fwd.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// A consistent copy of the live database made with SQLite's online backup API
// while stations keep writing; written through a StagedFile (a private folder
// beside the target, renamed into place), readable by the owner only (0600).
// Throws PlantedLinkError when `out` is a symbolic link.
void backup_database(SQLite::Database& db, const std::filesystem::path& out);

// backups/kitap-2026-11-25T10-00-00Z.db beside the database.
std::filesystem::path default_backup_path(const std::filesystem::path& db_path, const std::string& timestamp);

// "kitap-<label>.db" with the label's colons made dashes, so that the name is
// valid on the FAT USB sticks backups are carried away on.
std::string backup_file_name(std::string_view label);

enum class RestoreRefusal {
    unreadable,
    integrity_failed,
    newer_schema,
    unexpected_object,  // the file has a table, index, trigger or view Kitap's schema lacks
    missing_object,     // ... lacks one Kitap's schema has
    changed_object,     // ... has one with other SQL than Kitap's
    planted_link,       // <db>.restoring is a symbolic link
    kiosk_running
};
std::string_view to_string(RestoreRefusal refusal);

struct RestoreProblem {
    RestoreRefusal refusal;
    std::string detail;
};

// Checks a backup before it replaces anything: it opens as a database, passes
// PRAGMA integrity_check, is not from newer code, and its schema is, object for
// object and to the letter of its SQL, the one Kitap's migrations make at the
// file's version, so that no trigger, view or index of someone else's comes in
// with it (a trigger moving loans to another reader, the audit log's guards
// dropped). The detail of an object refusal names the first differing object.
// Read as an immutable file: nothing is written beside it.
std::optional<RestoreProblem> check_backup(const std::filesystem::path& backup);

// Replaces the database with a checked backup, keeping the replaced database
// beside it; refused while a kiosk holds the database (see KioskLock). The
// backup is first copied to <db>.restoring, created new and owner-only without
// following a link, and that copy is what is checked and renamed into place,
// so a file changed after its check cannot slip in. An older backup is then
// migrated as any older database is.
std::optional<RestoreProblem> restore_database(const std::filesystem::path& db_path,
                                               const std::filesystem::path& backup);

// The kiosk holds this lock (on <db>.kiosk-lock, 0600, never opened through a
// link) for as long as it runs, so a restore cannot pull the database from under it.
class KioskLock {
public:
    // Throws DatabaseError when another kiosk holds it or the lock file is a link.
    explicit KioskLock(const std::filesystem::path& db_path);
    ~KioskLock();
    KioskLock(const KioskLock&) = delete;
    KioskLock& operator=(const KioskLock&) = delete;

    static bool held_by_someone(const std::filesystem::path& db_path);

private:
    int fd_ = -1;
};

}  // namespace kitap::core
