#include "core/db/backup_rotation.hpp"

#include "core/db/database.hpp"
#include "tests/support/test_database.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace kitap::core {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

// A backup taken at `hour` o'clock UTC of `day`, counted on that same local day.
RotatedBackup taken_on(Date day, int hour = 3) {
    const Timestamp at = sys_days{day} + hours{hour};
    return {.file_name = rotated_backup_name(at), .taken = at, .local_day = day};
}

// One backup a day from `first` to `last`, both included.
std::vector<RotatedBackup> daily_from(Date first, Date last) {
    std::vector<RotatedBackup> backups;
    for (Date day = first; sys_days{day} <= sys_days{last}; day = add_days(day, 1)) backups.push_back(taken_on(day));
    return backups;
}

std::vector<std::string> names_of(const std::vector<RotatedBackup>& backups) {
    std::vector<std::string> names;
    for (const auto& backup : backups) names.push_back(backup.file_name);
    return names;
}

TEST(BackupRotation, NamesRoundTripAndNothingElseIsRecognised) {
    const Timestamp at = sys_days{2026y / November / 25} + hours{10} + minutes{4} + seconds{5};
    EXPECT_EQ(rotated_backup_name(at), "kitap-daily-2026-11-25T10-04-05Z.db");
    EXPECT_EQ(rotated_backup_time("kitap-daily-2026-11-25T10-04-05Z.db"), at);
    for (const char* foreign : {"kitap-2026-11-25T10-04-05Z.db",                  // kitap backup without --dir
                                "kitap-before-schema-5-2026-11-25T10-04-05Z.db",  // before a migration
                                "kitap-daily-2026-11-25T10-04-05Z.db.partial",    // a backup being written
                                "kitap-daily-2026-11-25T10-04-05Z.db.bak", "kitap-daily-2026-13-25T10-04-05Z.db",
                                "kitap-daily-2026-11-25T10:04:05Z.db", "kitap-daily-2026-11-25T10-04-05Z",
                                "kitap-daily-.db", "kitap-daily-2026-11-25T10-04-05Z-copy.db", "notes.txt"})
        EXPECT_EQ(rotated_backup_time(foreign), std::nullopt) << foreign;
}

TEST(BackupRotation, OnlyTheNewestOfADayStays) {
    const Date day = 2026y / November / 25;
    const auto backups = std::vector{taken_on(day, 8), taken_on(day, 14), taken_on(day, 11)};
    EXPECT_THAT(backups_to_delete(backups, {}, ""),
                ElementsAre(backups[0].file_name, backups[2].file_name));  // oldest first
}

TEST(BackupRotation, DaysAndMonthsAcrossTheTurnOfTheYear) {
    // Every day from 1 December to 20 January: the last 14 days stay (7-20 January),
    // and December's newest (the 31st) as one of the months.
    const auto backups = daily_from(2025y / December / 1, 2026y / January / 20);
    const auto deleted = backups_to_delete(backups, {.daily = 14, .monthly = 12}, "");
    std::vector<std::string> expected = names_of(daily_from(2025y / December / 1, 2025y / December / 30));
    for (const auto& name : names_of(daily_from(2026y / January / 1, 2026y / January / 6))) expected.push_back(name);
    EXPECT_EQ(deleted, expected);
}

TEST(BackupRotation, AMonthsNewestStaysForAYear) {
    // The 1st of every month for 15 months: with 2 days kept, the months decide.
    std::vector<RotatedBackup> backups;
    for (year_month month = 2025y / January; month <= 2026y / March; month += months{1})
        backups.push_back(taken_on(month / 1));
    EXPECT_THAT(backups_to_delete(backups, {.daily = 2, .monthly = 12}, ""),
                ElementsAre(backups[0].file_name, backups[1].file_name, backups[2].file_name));
}

TEST(BackupRotation, AGapNeverCostsTheLastTwoWeeks) {
    // Daily in May, then the summer off, then three days in September: the 14 newest
    // days with a backup reach back into May, and nothing of the gap counts.
    auto backups = daily_from(2026y / May / 1, 2026y / May / 31);
    for (const auto& backup : daily_from(2026y / September / 1, 2026y / September / 3)) backups.push_back(backup);
    EXPECT_EQ(backups_to_delete(backups, {.daily = 14, .monthly = 12}, ""),
              names_of(daily_from(2026y / May / 1, 2026y / May / 20)));
}

TEST(BackupRotation, TheLocalDayDecidesNotTheUtcOne) {
    // 21:00 and 23:00 UTC on the 24th and 01:00 UTC on the 25th are all the 25th
    // in Astana (UTC+5): one library day, so only the last stays.
    const Date local = 2026y / November / 25;
    std::vector<RotatedBackup> backups;
    for (const Timestamp at : {sys_days{2026y / November / 24} + hours{21}, sys_days{2026y / November / 24} + hours{23},
                               sys_days{2026y / November / 25} + hours{1}})
        backups.push_back({.file_name = rotated_backup_name(at), .taken = at, .local_day = local});
    EXPECT_THAT(backups_to_delete(backups, {.daily = 14, .monthly = 0}, ""),
                ElementsAre(backups[0].file_name, backups[1].file_name));
}

TEST(BackupRotation, ABackupDatedBackByTheClockIsNotDeletedAsItIsWritten) {
    // Two weeks of backups, then the PC's clock falls back to 2000 (a flat CMOS battery):
    // the new backup is the oldest of all, and still stays.
    auto backups = daily_from(2026y / November / 1, 2026y / November / 14);
    const RotatedBackup written = taken_on(2000y / January / 1);
    backups.push_back(written);
    EXPECT_THAT(backups_to_delete(backups, {.daily = 14, .monthly = 1}, written.file_name), IsEmpty());
    EXPECT_THAT(backups_to_delete(backups, {.daily = 14, .monthly = 1}, ""), ElementsAre(written.file_name));
}

TEST(BackupRotation, NothingToRotate) { EXPECT_THAT(backups_to_delete({}, {}, ""), IsEmpty()); }

TEST(BackupRotation, WritesAnOwnerOnlyBackupAndDeletesOnlyItsOwnOldFiles) {
    testing::TempDatabase temp;
    const fs::path dir = temp.dir() / "backups";
    fs::create_directories(dir);
    // Two old rotation backups of the same day, and files the rotation did not name.
    const std::vector<std::string> foreign = {"kitap-2020-03-01T10-00-00Z.db",
                                              "kitap-before-schema-5-2020-03-01T10-00-00Z.db",
                                              "kitap-daily-2020-03-01T10-00-00Z.db.partial", "README.txt"};
    for (const auto& name : foreign) std::ofstream(dir / name) << "kept";
    for (const auto* name : {"kitap-daily-2020-03-01T10-00-00Z.db", "kitap-daily-2020-03-01T10-30-00Z.db"})
        std::ofstream(dir / name) << "old";
    const Timestamp now = sys_days{2026y / November / 25} + hours{10};

    const auto result = backup_with_rotation(temp.db(), dir, now, {.daily = 2, .monthly = 0});

    EXPECT_EQ(result.written, dir / "kitap-daily-2026-11-25T10-00-00Z.db");
    EXPECT_THAT(result.deleted, ElementsAre(dir / "kitap-daily-2020-03-01T10-00-00Z.db"));
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(dir)) left.push_back(entry.path().filename().string());
    auto expected = foreign;
    expected.push_back("kitap-daily-2020-03-01T10-30-00Z.db");
    expected.push_back("kitap-daily-2026-11-25T10-00-00Z.db");
    EXPECT_THAT(left, UnorderedElementsAreArray(expected));
    EXPECT_EQ(fs::status(result.written).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    SQLite::Database copy(result.written.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(schema_version(copy), latest_schema_version());
}

}  // namespace
}  // namespace kitap::core
