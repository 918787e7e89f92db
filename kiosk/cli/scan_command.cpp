#include "core/circulation/station.hpp"
#include "kiosk/app/outcome_text.hpp"
#include "kiosk/cli/commands.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace kitap::cli {
namespace {

nlohmann::json held_items_json(const std::vector<core::HeldItem>& items) {
    auto list = nlohmann::json::array();
    for (const auto& item : items)
        list.push_back({{"code", item.code}, {"title", item.title}, {"quantity", item.quantity},
                        {"due", core::iso_date(item.due)}});
    return list;
}

nlohmann::json outcome_json(const core::StationOutcome& outcome, const core::Station& station,
                            const app::Translator& tr) {
    nlohmann::json line{{"code", outcome.code},
                        {"kind", to_string(outcome.kind)},
                        {"outcome", to_string(outcome.outcome)},
                        {"reason", to_string(outcome.reason)},
                        {"message", app::outcome_message(outcome, tr)},
                        {"reader", outcome.reader ? nlohmann::json(outcome.reader->card) : nlohmann::json()},
                        {"due", outcome.due ? nlohmann::json(core::iso_date(*outcome.due)) : nlohmann::json()},
                        {"mode", to_string(station.mode())}};
    if (outcome.reader) line["reader_name"] = outcome.reader->name;
    if (!outcome.title.empty()) line["title"] = outcome.title;
    if (outcome.previous_holder) line["previous_holder"] = *outcome.previous_holder;
    if (!outcome.overdue.empty()) line["overdue"] = held_items_json(outcome.overdue);
    if (outcome.reason == core::Reason::limit_reached) line["limit"] = outcome.limit;
    if (outcome.off_curriculum) line["off_curriculum"] = true;
    if (outcome.condition) line["condition"] = to_string(*outcome.condition);
    if (outcome.compensation_tiyn) line["compensation"] = static_cast<double>(*outcome.compensation_tiyn) / 100.0;
    if (outcome.stocktake) {
        line["finding"] = to_string(outcome.stocktake->finding);
        if (outcome.stocktake->reason != core::UnexpectedReason::none)
            line["stocktake_reason"] = to_string(outcome.stocktake->reason);
        line["counted"] = outcome.stocktake->counted;
        line["repeated"] = outcome.stocktake->repeated;
    }
    return line;
}

// One JSON object per line, flushed at once: whoever reads the pipe sees each
// outcome as soon as it is committed.
void print(const core::StationOutcome& outcome, const core::Station& station, const app::Translator& tr) {
    std::cout << outcome_json(outcome, station, tr).dump() << std::endl;
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
