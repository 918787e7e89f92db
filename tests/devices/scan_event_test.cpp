#include "devices/scan_event.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

TEST(ScanEvent, NamesEveryStatusForScripts) {
    EXPECT_EQ(to_string(SourceStatus::connected), "connected");
    EXPECT_EQ(to_string(SourceStatus::lost), "lost");
    EXPECT_EQ(to_string(SourceStatus::ended), "ended");
    EXPECT_EQ(to_string(SourceStatus::failed), "failed");
}

}  // namespace
}  // namespace kitap::devices
