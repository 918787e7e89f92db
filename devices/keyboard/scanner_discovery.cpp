#include "devices/keyboard/scanner_discovery.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <string_view>
#include <system_error>

namespace kitap::devices {
namespace {

constexpr std::array scanner_words{
    std::string_view("barcode"),   std::string_view("bar code"),   std::string_view("scanner"),
    std::string_view("honeywell"), std::string_view("metrologic"), std::string_view("hand held products"),
    std::string_view("symbol"),    std::string_view("zebra"),      std::string_view("datalogic"),
    std::string_view("newland"),   std::string_view("netum"),      std::string_view("eyoyo"),
    std::string_view("inateck"),   std::string_view("opticon"),
};

// Interfaces that scanners also expose and that never carry the code.
constexpr std::array side_interface_words{
    std::string_view("consumer control"),
    std::string_view("system control"),
    std::string_view("mouse"),
};

// USB vendor ids of scanner makers whose product names are often bare model numbers.
constexpr std::array scanner_vendors{
    std::uint16_t{0x0c2e},  // Metrologic / Honeywell
    std::uint16_t{0x0536},  // Hand Held Products (Honeywell)
    std::uint16_t{0x05e0},  // Symbol (Zebra)
    std::uint16_t{0x05f9},  // Datalogic
    std::uint16_t{0x1eab},  // Newland
    std::uint16_t{0x065a},  // Opticon
};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool contains_any(const std::string& text, const auto& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != text.npos; });
}

std::string first_line(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

std::uint16_t hex_id(const std::filesystem::path& file) {
    try {
        return static_cast<std::uint16_t>(std::stoul(first_line(file), nullptr, 16));
    } catch (const std::exception&) {
        return 0;  // absent or not hex: not a USB device
    }
}

}  // namespace

std::vector<InputDeviceInfo> list_input_devices(const std::filesystem::path& sys_class_input,
                                                const std::filesystem::path& dev_input) {
    std::vector<InputDeviceInfo> devices;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(sys_class_input, error)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("event", 0) != 0) continue;
        const auto device = entry.path() / "device";
        devices.push_back({.node = dev_input / name,
                           .name = first_line(device / "name"),
                           .vendor = hex_id(device / "id" / "vendor"),
                           .product = hex_id(device / "id" / "product")});
    }
    std::sort(devices.begin(), devices.end(), [](const auto& a, const auto& b) {
        const auto an = a.node.filename().string(), bn = b.node.filename().string();
        return an.size() != bn.size() ? an.size() < bn.size() : an < bn;  // event2 before event10
    });
    return devices;
}

bool looks_like_barcode_scanner(const InputDeviceInfo& device) {
    const auto name = lower(device.name);
    if (contains_any(name, side_interface_words)) return false;
    if (contains_any(name, scanner_words)) return true;
    return std::find(scanner_vendors.begin(), scanner_vendors.end(), device.vendor) != scanner_vendors.end();
}

std::optional<std::filesystem::path> find_barcode_scanner(const std::filesystem::path& sys_class_input,
                                                          const std::filesystem::path& dev_input) {
    for (const auto& device : list_input_devices(sys_class_input, dev_input))
        if (looks_like_barcode_scanner(device)) return device.node;
    return std::nullopt;
}

}  // namespace kitap::devices
