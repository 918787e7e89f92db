// The kiosk's presentation of core's faults: which fault screen each kind opens.
#include "kiosk/gui/model/fault.hpp"

#include <gtest/gtest.h>

namespace kitap::kiosk {
namespace {

FaultKind shown_for(core::FaultKind kind) { return fault_from(core::Fault{.kind = kind, .detail = "x"}).kind; }

TEST(Fault, CoresFaultsOpenTheScreenAPersonCanActOn) {
    EXPECT_EQ(shown_for(core::FaultKind::read_only), FaultKind::database_read_only);
    EXPECT_EQ(shown_for(core::FaultKind::disk_full), FaultKind::disk_full);
    EXPECT_EQ(shown_for(core::FaultKind::locked), FaultKind::database_busy);
    EXPECT_EQ(shown_for(core::FaultKind::cannot_open), FaultKind::database_unavailable);
    EXPECT_EQ(shown_for(core::FaultKind::newer_schema), FaultKind::database_unavailable);
    EXPECT_EQ(shown_for(core::FaultKind::corrupt), FaultKind::database_unavailable);
    EXPECT_EQ(shown_for(core::FaultKind::io), FaultKind::database_error);
    EXPECT_EQ(fault_from(core::Fault{.kind = core::FaultKind::io, .detail = "disk I/O error"}).detail,
              "disk I/O error");
}

TEST(Fault, OnlyTheScannerFaultLeavesTheDatabaseAlone) {
    EXPECT_FALSE(Fault{.kind = FaultKind::no_scanner}.is_database());
    EXPECT_TRUE(Fault{.kind = FaultKind::disk_full}.is_database());
}

}  // namespace
}  // namespace kitap::kiosk
