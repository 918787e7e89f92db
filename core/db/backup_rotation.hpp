#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// What `kitap backup --dir` keeps: the newest backup of each of the `daily` most
// recent days that have one, and of each of the `monthly` most recent months
// that have one. Counting days with backups rather than calendar days means a
// kiosk switched off for the summer still has its last two weeks when it returns.
struct BackupRetention {
    int daily = 14;
    int monthly = 12;
};

// A backup the rotation wrote, known by its name.
struct RotatedBackup {
    std::string file_name;
    Timestamp taken;
    Date local_day;  // the library's day it was taken on: days and months are counted in local time
};

// kitap-daily-2026-11-25T10-00-00Z.db: the only names the rotation ever deletes.
std::string rotated_backup_name(Timestamp taken);

// When a rotation backup was taken, read from its name; nullopt for every other
// file (migration backups, `kitap backup` without --dir, whatever else lies there).
std::optional<Timestamp> rotated_backup_time(std::string_view file_name);

// The backups `retention` drops, oldest first, never `just_written`: a clock
// set back (a flat CMOS battery) must not make the new backup the first to go.
// Decides from names and days alone, so that it is tested without files or clocks.
std::vector<std::string> backups_to_delete(std::vector<RotatedBackup> backups, const BackupRetention& retention,
                                           std::string_view just_written);

struct RotationResult {
    std::filesystem::path written;
    std::vector<std::filesystem::path> deleted;
};

// Writes a backup into `dir` (created if missing) named for `now`, then deletes
// the rotation backups there that `retention` no longer keeps.
RotationResult backup_with_rotation(SQLite::Database& db, const std::filesystem::path& dir, Timestamp now,
                                    const BackupRetention& retention);

}  // namespace kitap::core
