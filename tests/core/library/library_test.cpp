// kitap::core::Library: opening under the connection rules, and every way the storage
// can break coming back as a Fault value (never an SQLite exception).
#include "core/library.hpp"
#include "core/db/database.hpp"
#include "tests/support/file_size_limit.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace kitap::core {
namespace {

using namespace std::chrono;

class LibraryTest : public ::testing::Test {
protected:
    // Another program's connection to the same database (this test's TempDatabase).
    SQLite::Database& other_program() { return temp_.db(); }

    Library open(LibraryOptions options = {}) {
        auto library = Library::open(temp_.path(), std::move(options));
        if (!library) throw std::runtime_error(library.error().detail);
        return std::move(*library);
    }

    testing::TempDatabase temp_;
};

TEST_F(LibraryTest, OpensAFreshDatabaseMigratedToTheLatestSchema) {
    const auto path = temp_.dir() / "new" / "library.db";
    auto library = Library::open(path);
    ASSERT_TRUE(library) << library.error().detail;
    EXPECT_EQ(library->path(), path);
    EXPECT_EQ(library->maintenance().schema_version(), latest_schema_version());
    EXPECT_EQ(library->settings().get("nothing_stored").value(), std::optional<std::string>());
}

TEST_F(LibraryTest, ADatabaseFromNewerCodeIsANewerSchemaFault) {
    other_program().exec("PRAGMA user_version = 999");
    const auto library = Library::open(temp_.path());
    ASSERT_FALSE(library);
    EXPECT_EQ(library.error().kind, FaultKind::newer_schema);
    EXPECT_NE(library.error().detail.find("newer"), std::string::npos) << library.error().detail;
}

TEST_F(LibraryTest, AFileThatIsNoDatabaseIsCorrupt) {
    const auto path = temp_.dir() / "garbage.db";
    std::ofstream(path) << std::string(8192, 'x');
    const auto library = Library::open(path);
    ASSERT_FALSE(library);
    EXPECT_EQ(library.error().kind, FaultKind::corrupt) << library.error().detail;
}

TEST_F(LibraryTest, AFolderThatCannotBeMadeCannotOpen) {
    std::ofstream(temp_.dir() / "a-file") << "not a folder";
    const auto library = Library::open(temp_.dir() / "a-file" / "kitap.db");
    ASSERT_FALSE(library);
    EXPECT_EQ(library.error().kind, FaultKind::cannot_open) << library.error().detail;
}

TEST_F(LibraryTest, AWriteWhileAnotherProgramHoldsTheLockIsALockedFaultThenSucceeds) {
    auto library = open({.busy_timeout = milliseconds(50)});
    other_program().exec("BEGIN IMMEDIATE");
    const auto refused = library.settings().set("key", "value");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, FaultKind::locked) << refused.error().detail;
    auto station = library.open_station(StationMode::self, "kiosk");
    const auto scan = station.handle({.text = "20000014"}, sys_days{year{2026} / 11 / 25} + hours{10});
    if (!scan) {  // a scan that only reads may still pass
        EXPECT_EQ(scan.error().kind, FaultKind::locked);
    }
    other_program().exec("COMMIT");
    EXPECT_TRUE(library.settings().set("key", "value"));
    EXPECT_EQ(library.settings().get("key").value(), std::optional<std::string>("value"));
}

TEST_F(LibraryTest, OpeningWithAProofWriteWhileLockedIsALockedFault) {
    other_program().exec("BEGIN IMMEDIATE");
    const auto library = Library::open(temp_.path(), {.proof_setting = "heartbeat", .proof_timeout = milliseconds(50)});
    other_program().exec("COMMIT");
    ASSERT_FALSE(library);
    EXPECT_EQ(library.error().kind, FaultKind::locked) << library.error().detail;
}

TEST_F(LibraryTest, AWriteThatDoesNotFitIsADiskFullFaultAndNothingOfItIsKept) {
    auto library = open();
    const std::string large(4 << 20, 'k');  // larger than the database and its log
    {
        const testing::FileSizeLimit limit(std::filesystem::file_size(temp_.path()) + (1 << 20));
        const auto refused = library.settings().set("large", large);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().kind, FaultKind::disk_full) << refused.error().detail;
    }
    EXPECT_EQ(library.settings().get("large").value(), std::optional<std::string>());
    EXPECT_TRUE(library.settings().set("large", large));
}

TEST_F(LibraryTest, AReadOnlyFileIsAReadOnlyFault) {
    if (geteuid() == 0) GTEST_SKIP() << "root writes read-only files";
    std::filesystem::permissions(temp_.path(), std::filesystem::perms::owner_read);
    const auto library = Library::open(temp_.path());
    std::filesystem::permissions(temp_.path(),
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    ASSERT_FALSE(library);
    EXPECT_EQ(library.error().kind, FaultKind::read_only) << library.error().detail;
}

TEST_F(LibraryTest, AMovedLibraryKeepsItsStations) {
    auto library = open();
    std::optional<Library> moved;
    {  // a station must not outlive its library
        auto station = library.open_station(StationMode::desk, "desk");
        moved.emplace(std::move(library));
        EXPECT_TRUE(station.handle({.text = "nonsense"}, sys_days{year{2026} / 11 / 25} + hours{10}));
    }
    EXPECT_TRUE(moved->settings().set("key", "value"));
}

TEST_F(LibraryTest, TheDataVersionChangesWithEveryCommitOfAnyConnectionAndOnlyThen) {
    auto library = open();
    const auto first = library.data_version();
    ASSERT_TRUE(first);
    ASSERT_TRUE(library.reports().stats(local_date(sys_seconds(seconds(1700000000)))));
    EXPECT_EQ(library.data_version().value(), *first);

    other_program().exec("INSERT INTO title (title, kind) VALUES ('Абай жолы', 'fiction')");
    const auto second = library.data_version();
    ASSERT_TRUE(second);
    EXPECT_NE(*second, *first);

    ASSERT_TRUE(library.settings().set("kiosk_language", "kk"));
    EXPECT_NE(library.data_version().value(), *second);
}

}  // namespace
}  // namespace kitap::core
