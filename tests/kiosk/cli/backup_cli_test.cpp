// End to end: `kitap backup --dir`, as the daily backup timer runs it.
#include "kiosk/cli/kitap_process.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

using KitapBackupCli = kitap::testing::KitapProcessTest;

std::vector<std::string> sorted_files_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(KitapBackupCli, DirRotatesItsOwnBackupsAndLeavesEverythingElse) {
    ASSERT_EQ(kitap({"init"}).exit_code, 0);
    const fs::path dir = dir_ / "backups";
    fs::create_directories(dir);
    // Three old daily backups on two days long ago, and a manual backup.
    for (const char* name : {"kitap-daily-2020-01-10T03-00-00Z.db", "kitap-daily-2020-02-10T03-00-00Z.db",
                             "kitap-daily-2020-02-10T03-30-00Z.db", "kitap-2020-02-10T03-00-00Z.db"})
        std::ofstream(dir / name) << "old";

    // Today's backup and the newest of the old days stay; no month is kept beyond today's.
    const auto run = kitap({"backup", "--dir", dir.string(), "--keep-daily", "2", "--keep-monthly", "1"});

    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto left = sorted_files_in(dir);
    ASSERT_EQ(left.size(), 3u) << run.out;
    const std::string today = left[2];  // sorts after every 2020 name
    EXPECT_EQ(left[0], "kitap-2020-02-10T03-00-00Z.db");
    EXPECT_EQ(left[1], "kitap-daily-2020-02-10T03-30-00Z.db");
    EXPECT_TRUE(today.starts_with("kitap-daily-20") && !contains(today, "2020-")) << today;
    EXPECT_EQ(fs::status(dir / today).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_TRUE(contains(run.out, "Backup written to " + (dir / today).string())) << run.out;
    for (const char* removed : {"kitap-daily-2020-01-10T03-00-00Z.db", "kitap-daily-2020-02-10T03-00-00Z.db"})
        EXPECT_TRUE(contains(run.out, "Old backup removed: " + (dir / removed).string())) << run.out;
}

TEST_F(KitapBackupCli, RetentionNeedsADirAndAtLeastOneDay) {
    ASSERT_EQ(kitap({"init"}).exit_code, 0);
    EXPECT_EQ(kitap({"backup", "--keep-daily", "3"}).exit_code, 2);
    EXPECT_EQ(kitap({"backup", "--dir", "b", "--keep-daily", "0"}).exit_code, 2);
    EXPECT_EQ(kitap({"backup", "--dir", "b", "--out", "x.db"}).exit_code, 2);
    EXPECT_FALSE(fs::exists(dir_ / "b"));
}

TEST_F(KitapBackupCli, AnUnwritableFolderIsAFault) {
    ASSERT_EQ(kitap({"init"}).exit_code, 0);
    write("not-a-folder", "a file where the backup folder should be");
    const auto run = kitap({"backup", "--dir", (dir_ / "not-a-folder" / "backups").string()});
    EXPECT_EQ(run.exit_code, 3);
    EXPECT_TRUE(contains(run.err, "not-a-folder")) << run.err;
}

TEST_F(KitapBackupCli, ATrappedBackupIsRefusedNamingTheObjectAndNothingChanges) {
    ASSERT_EQ(kitap({"init"}).exit_code, 0);
    ASSERT_EQ(kitap({"backup", "--out", "saved.db"}).exit_code, 0);
    {
        SQLite::Database saved((dir_ / "saved.db").string(), SQLite::OPEN_READWRITE);
        saved.exec(
            "DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete; "
            "CREATE TRIGGER loan_moves AFTER INSERT ON loan BEGIN "
            "UPDATE loan SET reader_id = (SELECT min(id) FROM reader) WHERE id = new.id; END");
    }
    const auto before = std::filesystem::last_write_time(db());

    const auto run = kitap({"restore", "saved.db"});

    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(contains(run.err, "saved.db was not restored: it lacks trigger event_no_delete")) << run.err;
    EXPECT_EQ(std::filesystem::last_write_time(db()), before);
    EXPECT_FALSE(fs::exists(db().string() + ".replaced"));
    EXPECT_FALSE(fs::exists(db().string() + ".restoring"));
}

TEST_F(KitapBackupCli, APlantedLinkBesideTheDatabaseIsRefused) {
    ASSERT_EQ(kitap({"init"}).exit_code, 0);
    ASSERT_EQ(kitap({"backup", "--out", "saved.db"}).exit_code, 0);
    const auto victim = write("victim.txt", "someone else's file");
    fs::create_symlink(victim, db().string() + ".restoring");
    fs::create_symlink(victim, dir_ / "linked.db");

    const auto restore = kitap({"restore", "saved.db"});
    const auto backup = kitap({"backup", "--out", "linked.db"});

    EXPECT_EQ(restore.exit_code, 2);
    EXPECT_TRUE(contains(restore.err, db().string() + ".restoring is a symbolic link")) << restore.err;
    EXPECT_EQ(backup.exit_code, 2);
    EXPECT_TRUE(contains(backup.err, "linked.db is a symbolic link")) << backup.err;
    std::ifstream in(victim);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "someone else's file");
}

}  // namespace
