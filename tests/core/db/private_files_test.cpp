#include "core/db/private_files.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <random>

namespace kitap::core {
namespace {

namespace fs = std::filesystem;

class PrivateFiles : public ::testing::Test {
protected:
    ~PrivateFiles() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    std::string contents(const fs::path& file) {
        std::ifstream in(file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }

    // A victim file, and a link to it at `name`.
    fs::path planted_link(const std::string& name) {
        std::ofstream(dir_ / "victim.txt") << "someone else's file";
        fs::create_symlink(dir_ / "victim.txt", dir_ / name);
        return dir_ / name;
    }

    std::size_t files_in_dir() { return std::distance(fs::directory_iterator(dir_), fs::directory_iterator()); }

    fs::path dir_ = fs::temp_directory_path() / ("kitap-private-" + std::to_string(std::random_device{}()));
    bool made_ = fs::create_directories(dir_);
};

constexpr auto owner_only = fs::perms::owner_read | fs::perms::owner_write;

TEST_F(PrivateFiles, AWrittenFileIsTheOwnersOnlyWhateverTheUmask) {
    const mode_t usual = ::umask(022);
    write_private_file(dir_ / "report.csv", "Әлия,5Ә\r\n");
    ::umask(usual);
    EXPECT_EQ(contents(dir_ / "report.csv"), "Әлия,5Ә\r\n");
    EXPECT_EQ(fs::status(dir_ / "report.csv").permissions() & fs::perms::all, owner_only);
    EXPECT_EQ(files_in_dir(), 1u) << "the staging folder was left behind";
}

TEST_F(PrivateFiles, AnExistingFileIsReplacedWhole) {
    std::ofstream(dir_ / "report.csv") << "an older and longer report";
    write_private_file(dir_ / "report.csv", "new");
    EXPECT_EQ(contents(dir_ / "report.csv"), "new");
}

TEST_F(PrivateFiles, ALinkAtTheTargetIsRefusedAndItsTargetUntouched) {
    const auto link = planted_link("report.csv");
    EXPECT_THROW(write_private_file(link, "pupils' names"), PlantedLinkError);
    EXPECT_EQ(contents(dir_ / "victim.txt"), "someone else's file");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(files_in_dir(), 2u);
}

TEST_F(PrivateFiles, ANewFileIsNeverOpenedThroughALinkEvenADanglingOne) {
    fs::create_symlink(dir_ / "nowhere", dir_ / "dangling");
    EXPECT_THROW(create_private_file(dir_ / "dangling"), PlantedLinkError);
    EXPECT_FALSE(fs::exists(dir_ / "nowhere"));
    const auto link = planted_link("restoring");
    EXPECT_THROW(create_private_file(link), PlantedLinkError);
    EXPECT_EQ(contents(dir_ / "victim.txt"), "someone else's file");
    EXPECT_THROW(create_private_file(dir_ / "victim.txt"), fs::filesystem_error);  // nor an existing file
}

TEST_F(PrivateFiles, AStagedFileIsWrittenInAPrivateFolderAndGoneWhenAbandoned) {
    fs::path folder;
    {
        const StagedFile staged(dir_ / "report.xlsx");
        folder = staged.path().parent_path();
        EXPECT_EQ(folder.parent_path(), dir_);
        EXPECT_EQ(fs::status(folder).permissions() & fs::perms::all, fs::perms::owner_all);
        EXPECT_EQ(fs::status(staged.path()).permissions() & fs::perms::all, owner_only);
    }
    EXPECT_FALSE(fs::exists(folder));
    EXPECT_FALSE(fs::exists(dir_ / "report.xlsx"));
}

TEST_F(PrivateFiles, ALinkPlantedWhileStagingIsRefusedAtCommit) {
    StagedFile staged(dir_ / "report.xlsx");
    std::ofstream(staged.path()) << "pupils' names";
    planted_link("report.xlsx");
    EXPECT_THROW(staged.commit(), PlantedLinkError);
    EXPECT_EQ(contents(dir_ / "victim.txt"), "someone else's file");
}

}  // namespace
}  // namespace kitap::core
