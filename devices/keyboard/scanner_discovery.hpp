#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kitap::devices {

// An input device as sysfs describes it.
struct InputDeviceInfo {
    std::filesystem::path node;  // /dev/input/event5
    std::string name;            // "Honeywell Imaging & Mobility 1900"
    std::uint16_t vendor = 0;
    std::uint16_t product = 0;
};

// The event devices under `sys_class_input` (normally /sys/class/input), their
// nodes under `dev_input`; sorted by node name. Both roots are parameters so
// tests can lay out a fake sysfs.
std::vector<InputDeviceInfo> list_input_devices(const std::filesystem::path& sys_class_input = "/sys/class/input",
                                                const std::filesystem::path& dev_input = "/dev/input");

// By name ("barcode", "scanner", a scanner maker) or by a scanner maker's USB
// vendor id; never the extra "Consumer Control" and "Mouse" nodes those
// devices also create.
bool looks_like_barcode_scanner(const InputDeviceInfo& device);

// `evdev:auto`: the first input device that looks like a barcode scanner.
std::optional<std::filesystem::path> find_barcode_scanner(
    const std::filesystem::path& sys_class_input = "/sys/class/input",
    const std::filesystem::path& dev_input = "/dev/input");

}  // namespace kitap::devices
