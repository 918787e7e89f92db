#include "devices/keyboard/scanner_discovery.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace kitap::devices {
namespace {

using kitap::testing::TempDir;

// Lays out /sys/class/input/eventN/device/{name,id/vendor,id/product} as the kernel does.
void add_device(const TempDir& sys, const std::string& event, const std::string& name, const std::string& vendor) {
    const auto device = sys / event / "device";
    std::filesystem::create_directories(device / "id");
    std::ofstream(device / "name") << name << "\n";
    std::ofstream(device / "id" / "vendor") << vendor << "\n";
    std::ofstream(device / "id" / "product") << "0001\n";
}

TEST(ScannerDiscovery, ListsEventDevicesInNumericOrder) {
    TempDir sys;
    add_device(sys, "event10", "Ten", "0000");
    add_device(sys, "event2", "Two", "046d");
    std::filesystem::create_directories(sys / "mouse0");
    const auto devices = list_input_devices(sys.path(), "/dev/input");
    ASSERT_EQ(devices.size(), 2u);
    EXPECT_EQ(devices[0].node, "/dev/input/event2");
    EXPECT_EQ(devices[0].name, "Two");
    EXPECT_EQ(devices[0].vendor, 0x046d);
    EXPECT_EQ(devices[1].node, "/dev/input/event10");
}

TEST(ScannerDiscovery, FindsScannersByNameOrMaker) {
    EXPECT_TRUE(looks_like_barcode_scanner({.name = "Newtologic NT-1228BL Barcode Scanner"}));
    EXPECT_TRUE(looks_like_barcode_scanner({.name = "Honeywell Imaging & Mobility 1900"}));
    EXPECT_TRUE(looks_like_barcode_scanner({.name = "Model 1250g", .vendor = 0x05f9}));
    EXPECT_FALSE(looks_like_barcode_scanner({.name = "AT Translated Set 2 keyboard", .vendor = 0x0001}));
    EXPECT_FALSE(looks_like_barcode_scanner({.name = "Logitech USB Keyboard", .vendor = 0x046d}));
    EXPECT_FALSE(looks_like_barcode_scanner({.name = "Honeywell Imaging & Mobility 1900 Consumer Control"}));
}

TEST(ScannerDiscovery, PicksTheFirstScanner) {
    TempDir sys;
    add_device(sys, "event0", "Power Button", "0000");
    add_device(sys, "event3", "Logitech USB Keyboard", "046d");
    add_device(sys, "event5", "Symbol Bar Code Scanner Consumer Control", "05e0");
    add_device(sys, "event6", "Symbol Bar Code Scanner", "05e0");
    EXPECT_EQ(find_barcode_scanner(sys.path(), "/dev/input"), std::filesystem::path("/dev/input/event6"));
}

TEST(ScannerDiscovery, FindsNothingWhereThereIsNothing) {
    TempDir sys;
    add_device(sys, "event0", "Power Button", "0000");
    EXPECT_EQ(find_barcode_scanner(sys.path(), "/dev/input"), std::nullopt);
    EXPECT_EQ(find_barcode_scanner(sys / "missing", "/dev/input"), std::nullopt);
}

}  // namespace
}  // namespace kitap::devices
