#include "devices/device_error.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

TEST(DeviceError, SaysWhatWhereAndWhy) {
    EXPECT_EQ((DeviceError{"camera:x", 7, "expected a camera number"}).message(),
              "camera:x: at 7: expected a camera number");
    EXPECT_EQ((DeviceError{"patterns.qr", DeviceError::npos, "not a regular expression"}).message(),
              "patterns.qr: not a regular expression");
}

}  // namespace
}  // namespace kitap::devices
