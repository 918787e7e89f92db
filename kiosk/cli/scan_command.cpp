#include "core/circulation/station.hpp"
#include "kiosk/app/outcome_json.hpp"
#include "kiosk/cli/commands.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace kitap::cli {
namespace {

// One JSON object per line, flushed at once: whoever reads the pipe sees each
// outcome as soon as it is committed.
void print(const core::StationOutcome& outcome, const core::Station& station, const app::Translator& tr) {
    std::cout << app::outcome_json(outcome, station.mode(), tr).dump() << std::endl;
}

}  // namespace

int run_scan(CliContext& context, const std::string& mode, const std::string& station_name,
             const std::vector<std::string>& codes) {
    const auto station_mode = core::station_mode_from(mode);
    if (!station_mode) {
        std::cerr << "--mode: \"" << mode << "\" is not self, desk, return or stocktake\n";
        return exit_bad_input;
    }
    core::LibraryStore store(context.db());
    core::Station station(store, context.config().rules, *station_mode, station_name);
    auto handle = [&](const std::string& text) {
        const auto now = CliContext::now();
        if (auto ended = station.expire_idle_session(now)) print(*ended, station, context.tr());
        print(station.handle({.text = text, .symbology = "", .source = "cli"}, now), station, context.tr());
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
