#include "kiosk/app/outcome_json.hpp"
#include "kiosk/cli/commands.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <optional>
#include <string_view>

namespace kitap::cli {
namespace {

// One JSON object per line, flushed at once: whoever reads the pipe sees each
// outcome (an idle session's end, then the scan's own) as soon as it is committed.
void print(const core::StationResult& result, const core::StationHandle& station, const app::Translator& tr) {
    for (const auto& outcome : result.outcomes)
        std::cout << app::outcome_json(outcome, station.mode(), tr).dump() << std::endl;
}

// A refusal is an answer, printed like any other, so a stream of scans ends with 0
// as it always has; only a fault ends it otherwise (a storage fault leaves through
// or_fault, exit 3 from main).
ExitCode exit_code_for(core::Severity worst) { return worst == core::Severity::fault ? exit_fault : exit_done; }

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
    auto worst = core::Severity::success;
    auto handle = [&](const std::string& text) {
        const auto now = CliContext::now();
        const auto pin = submitted_pin(text);
        const auto result =
            or_fault(pin ? station.submit_pin(*pin, now)
                         : station.handle(core::Scan{.text = text, .symbology = "", .source = "cli"}, now));
        print(result, station, context.tr());
        worst = std::max(worst, core::severity(result.last()));
        context.library().release_reads();  // the next line may be a while coming (a desk at a terminal)
    };
    if (!codes.empty()) {
        for (const auto& code : codes) handle(code);
        return exit_code_for(worst);
    }
    for (std::string line; std::getline(std::cin, line);)
        if (line.find_first_not_of(" \t\r") != std::string::npos) handle(line);
    return exit_code_for(worst);
}

}  // namespace kitap::cli
