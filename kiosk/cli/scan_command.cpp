#include "kiosk/app/outcome_json.hpp"
#include "kiosk/cli/commands.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <optional>
#include <string_view>

namespace kitap::cli {
namespace {

// One JSON object per line, flushed at once: whoever reads the pipe sees each
// outcome as soon as it is committed.
void print(const core::StationOutcome& outcome, const core::StationHandle& station, const app::Translator& tr) {
    std::cout << app::outcome_json(outcome, station.mode(), tr).dump() << std::endl;
}

// "PIN 1234" answers a card's `pin_required`, as the kiosk's keypad does: the digits
// go to the station as a PIN, never through the code classifier nor into the output.
std::optional<std::string> submitted_pin(const std::string& line) {
    constexpr std::string_view prefix = "PIN ";
    if (!line.starts_with(prefix)) return std::nullopt;
    std::string pin = line.substr(prefix.size());
    while (!pin.empty() && (pin.back() == ' ' || pin.back() == '\t' || pin.back() == '\r')) pin.pop_back();
    return pin;
}

}  // namespace

int run_scan(CliContext& context, const std::string& mode, const std::string& station_name,
             const std::vector<std::string>& codes) {
    const auto station_mode = core::station_mode_from(mode);
    if (!station_mode) {
        std::cerr << "--mode: \"" << mode << "\" is not self, desk, return or stocktake\n";
        return exit_bad_input;
    }
    auto station = context.library().open_station(*station_mode, station_name);
    auto handle = [&](const std::string& text) {
        const auto now = CliContext::now();
        if (auto ended = or_fault(station.expire_idle_session(now))) print(*ended, station, context.tr());
        if (auto pin = submitted_pin(text))
            print(or_fault(station.submit_pin(*pin, now)), station, context.tr());
        else
            print(or_fault(station.handle({.text = text, .symbology = "", .source = "cli"}, now)), station,
                  context.tr());
    };
    if (!codes.empty()) {
        for (const auto& code : codes) handle(code);
        return exit_done;
    }
    for (std::string line; std::getline(std::cin, line);)
        if (line.find_first_not_of(" \t\r") != std::string::npos) handle(line);
    return exit_done;
}

}  // namespace kitap::cli
