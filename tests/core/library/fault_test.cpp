// What core's storage throws, decoded once into Fault kinds every front end shares.
#include "core/library/fault.hpp"
#include "core/db/database.hpp"

#include <SQLiteCpp/Exception.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <set>
#include <stdexcept>
#include <string_view>

namespace kitap::core {
namespace {

FaultKind kind_of(int sqlite_code) { return fault_from(SQLite::Exception("x", sqlite_code)).kind; }

TEST(FaultTest, SqliteCodesBecomeKindsAPersonCanActOn) {
    EXPECT_EQ(kind_of(SQLITE_READONLY), FaultKind::read_only);
    EXPECT_EQ(kind_of(SQLITE_PERM), FaultKind::read_only);
    EXPECT_EQ(kind_of(SQLITE_FULL), FaultKind::disk_full);
    EXPECT_EQ(kind_of(SQLITE_BUSY), FaultKind::locked);
    EXPECT_EQ(kind_of(SQLITE_LOCKED), FaultKind::locked);
    EXPECT_EQ(kind_of(SQLITE_CANTOPEN), FaultKind::cannot_open);
    EXPECT_EQ(kind_of(SQLITE_NOTADB), FaultKind::corrupt);
    EXPECT_EQ(kind_of(SQLITE_CORRUPT), FaultKind::corrupt);
    EXPECT_EQ(kind_of(SQLITE_IOERR), FaultKind::io);
    // A quota or a file size limit reaches SQLite only as a failed write.
    EXPECT_EQ(kind_of(SQLITE_IOERR_WRITE), FaultKind::disk_full);
    EXPECT_EQ(kind_of(SQLITE_IOERR_FSYNC), FaultKind::io);
    EXPECT_EQ(fault_from(SQLite::Exception("disk I/O error", SQLITE_IOERR)).detail, "disk I/O error");
}

TEST(FaultTest, OpeningErrorsKeepWhatSqliteSaid) {
    EXPECT_EQ(fault_from(DatabaseError("no folder")).kind, FaultKind::cannot_open);
    EXPECT_EQ(fault_from(DatabaseError("busy", SQLITE_BUSY)).kind, FaultKind::locked);
    EXPECT_EQ(fault_from(DatabaseError("garbage", SQLITE_NOTADB)).kind, FaultKind::corrupt);
    EXPECT_EQ(fault_from(NewerSchemaError("newer")).kind, FaultKind::newer_schema);
    EXPECT_EQ(fault_from(std::runtime_error("?")).kind, FaultKind::io);
}

TEST(FaultTest, GuardedGivesValuesOrFaults) {
    EXPECT_EQ(guarded([] { return 7; }), OrFault<int>(7));
    EXPECT_TRUE(guarded([] {}));
    const auto failed = guarded([]() -> int { throw SQLite::Exception("full", SQLITE_FULL); });
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error(), (Fault{.kind = FaultKind::disk_full, .detail = "full"}));
}

TEST(FaultTest, EveryKindHasItsOwnName) {
    std::set<std::string_view> names;
    for (auto kind : {FaultKind::disk_full, FaultKind::locked, FaultKind::read_only, FaultKind::corrupt,
                      FaultKind::newer_schema, FaultKind::cannot_open, FaultKind::io})
        names.insert(to_string(kind));
    EXPECT_EQ(names.size(), 7U);
    EXPECT_TRUE(names.contains("newer_schema"));
}

}  // namespace
}  // namespace kitap::core
