#include "core/db/backup_rotation.hpp"

#include "core/db/backup.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <set>

namespace kitap::core {
namespace {

namespace fs = std::filesystem;

// The rotation backups in `dir`, each with the local day it was taken on.
std::vector<RotatedBackup> rotated_backups_in(const fs::path& dir) {
    std::vector<RotatedBackup> backups;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().filename().string();
        if (auto taken = rotated_backup_time(name))
            backups.push_back({.file_name = name, .taken = *taken, .local_day = local_date(*taken)});
    }
    return backups;
}

}  // namespace

std::string rotated_backup_name(Timestamp taken) { return backup_file_name("daily-" + iso_timestamp(taken)); }

std::optional<Timestamp> rotated_backup_time(std::string_view file_name) {
    // kitap-daily-2026-11-25T10-00-00Z.db, its stamp's colons made dashes.
    constexpr std::string_view prefix = "kitap-daily-";
    constexpr std::size_t stamp_length = 20;
    if (!file_name.starts_with(prefix) || file_name.size() < prefix.size() + stamp_length) return std::nullopt;
    std::string stamp(file_name.substr(prefix.size(), stamp_length));
    stamp[13] = stamp[16] = ':';
    const auto taken = parse_iso_timestamp(stamp);
    // Only the very name this code writes for that moment, to the last character.
    if (!taken || rotated_backup_name(*taken) != file_name) return std::nullopt;
    return taken;
}

std::vector<std::string> backups_to_delete(std::vector<RotatedBackup> backups, const BackupRetention& retention,
                                           std::string_view just_written) {
    std::sort(backups.begin(), backups.end(), [](const auto& a, const auto& b) { return a.taken > b.taken; });
    std::set<Date> days_kept;
    std::set<std::chrono::year_month> months_kept;
    std::vector<std::string> doomed;
    for (const auto& backup : backups) {
        const Date day = backup.local_day;
        const std::chrono::year_month month{day.year(), day.month()};
        // Newest first: the first backup met of a day (or month) is that day's newest.
        const bool newest_of_a_kept_day =
            !days_kept.contains(day) && static_cast<int>(days_kept.size()) < retention.daily;
        const bool newest_of_a_kept_month =
            !months_kept.contains(month) && static_cast<int>(months_kept.size()) < retention.monthly;
        if (newest_of_a_kept_day) days_kept.insert(day);
        if (newest_of_a_kept_month) months_kept.insert(month);
        if (!newest_of_a_kept_day && !newest_of_a_kept_month && backup.file_name != just_written)
            doomed.push_back(backup.file_name);
    }
    std::reverse(doomed.begin(), doomed.end());
    return doomed;
}

RotationResult backup_with_rotation(SQLite::Database& db, const fs::path& dir, Timestamp now,
                                    const BackupRetention& retention) {
    RotationResult result{.written = dir / rotated_backup_name(now)};
    backup_database(db, result.written);
    const auto doomed = backups_to_delete(rotated_backups_in(dir), retention, result.written.filename().string());
    for (const auto& name : doomed) {
        result.deleted.push_back(dir / name);
        fs::remove(result.deleted.back());
    }
    return result;
}

}  // namespace kitap::core
