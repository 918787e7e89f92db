#include "kiosk/gui/model/fault.hpp"

#include "core/db/database.hpp"

#include <SQLiteCpp/Exception.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace kitap::kiosk {
namespace {

TEST(Fault, SqliteCodesBecomeFaultsAPersonCanActOn) {
    EXPECT_EQ(fault_from(SQLite::Exception("x", SQLITE_READONLY)).kind, FaultKind::database_read_only);
    EXPECT_EQ(fault_from(SQLite::Exception("x", SQLITE_FULL)).kind, FaultKind::disk_full);
    EXPECT_EQ(fault_from(SQLite::Exception("x", SQLITE_BUSY)).kind, FaultKind::database_busy);
    EXPECT_EQ(fault_from(SQLite::Exception("x", SQLITE_CANTOPEN)).kind, FaultKind::database_unavailable);
    EXPECT_EQ(fault_from(SQLite::Exception("x", SQLITE_IOERR)).kind, FaultKind::database_error);
    // A file size limit or a quota: the write was refused for room.
    EXPECT_EQ(fault_from(SQLite::Exception("x", SQLITE_IOERR_WRITE)).kind, FaultKind::disk_full);
    EXPECT_EQ(fault_from(SQLite::Exception("x", SQLITE_IOERR_FSYNC)).kind, FaultKind::database_error);
    EXPECT_EQ(fault_from(core::DatabaseError("newer schema")).kind, FaultKind::database_unavailable);
    EXPECT_EQ(fault_from(std::runtime_error("?")).kind, FaultKind::database_error);
    EXPECT_EQ(fault_from(SQLite::Exception("disk I/O error", SQLITE_IOERR)).detail, "disk I/O error");
}

TEST(Fault, OnlyTheScannerFaultLeavesTheDatabaseAlone) {
    EXPECT_FALSE(Fault{.kind = FaultKind::no_scanner}.is_database());
    EXPECT_TRUE(Fault{.kind = FaultKind::disk_full}.is_database());
}

}  // namespace
}  // namespace kitap::kiosk
