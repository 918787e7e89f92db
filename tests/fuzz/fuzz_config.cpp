// The TOML configuration (kitap.toml), through the real loader: it either gives
// a configuration whose times, lengths and counts are whole numbers from 0 to
// 100000 (as [loans] are read), or stops with "FILE:LINE: key: problem" naming a
// line of the file. Any other exception, a crash or a hang is a finding.
#include "kiosk/app/config.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>

namespace {

using namespace kitap;

constexpr std::string_view file_name = "kitap.toml";

void check_message(std::string_view message, std::size_t lines) {
    const auto text = std::string(message);
    fuzz::require(message.starts_with(file_name) && message.substr(file_name.size()).starts_with(':'),
                  "a configuration error starts with the file's name", text);
    message.remove_prefix(file_name.size() + 1);
    std::size_t line = 0;
    const auto [end, error] = std::from_chars(message.data(), message.data() + message.size(), line);
    fuzz::require(error == std::errc{} && line >= 1 && line <= lines, "a configuration error names a line of the file",
                  text);
    const std::string_view rest(end, message.data() + message.size() - end);
    fuzz::require(rest.starts_with(": ") && rest.size() > 2, "a configuration error says what is wrong", text);
}

bool whole_number(std::int64_t value) { return value >= 0 && value <= 100000; }

void check_config(const app::Config& config) {
    const auto& station = config.rules.station;
    fuzz::require(whole_number(station.double_scan_window.count()) && whole_number(station.idle_timeout.count()),
                  "station times are whole numbers from 0");
    const auto& devices = config.devices;
    const auto& validation = devices.camera.decoder.validation;
    const auto& confirmation = devices.camera.confirmation;
    fuzz::require(whole_number(devices.wedge.max_key_gap.count()) && whole_number(confirmation.out_of_view.count()) &&
                      whole_number(confirmation.reads_without_check) && validation.codabar_min_length <= 100000 &&
                      validation.codabar_max_length <= 100000,
                  "device times, lengths and counts are whole numbers from 0");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    try {
        check_config(app::parse_config(text, std::string(file_name)));
    } catch (const app::ConfigError& error) {
        check_message(error.what(), lines);
    }
    return 0;
}
