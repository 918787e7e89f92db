#include "kiosk/cli/station_commands.hpp"

#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/station_answers.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/cli/report_output.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace kitap::cli {
namespace {

using nlohmann::json;

std::string text(const json& value) { return value.get<std::string>(); }

// An ISO time from an answer as the tables show it.
std::string moment(const json& iso) {
    if (!iso.is_string()) return "";
    const auto at = core::parse_iso_timestamp(text(iso));
    return at ? local_time_text(*at) : text(iso);
}

// The answer's rows as a table for people, or `none_key` said when there are none;
// with --json, the answer itself.
template <typename Row>
int print_list(CliContext& context, const answers::AnswerOr& answer, bool as_json, const Table& header,
               const std::string& prefix, Row row) {
    if (as_json || !answer) return deliver_answer(context, answer, std::nullopt);
    const auto& rows = std::get<json>(*answer);
    if (rows.empty()) {
        std::cout << context.tr()(prefix + "none") << '\n';
        return exit_done;
    }
    Table table = header;
    for (const auto& item : rows) table.rows.push_back(row(item));
    write_text_table(std::cout, table, context.tr(), prefix + "column.");
    return exit_done;
}

int run_stations(CliContext& context, bool as_json) {
    const auto& tr = context.tr();
    return print_list(context, answers::stations_answer(answer_context(context)), as_json,
                      {{"name", "online", "last_seen", "journal_waiting"}, {}}, "stations.", [&](const json& station) {
                          return CsvRow{text(station["name"]),
                                        tr(station["online"].get<bool>() ? "stations.online" : "stations.offline"),
                                        moment(station["last_seen"]),
                                        std::to_string(station["journal_waiting"].get<int>())};
                      });
}

int run_exceptions(CliContext& context, bool as_json) {
    const auto& tr = context.tr();
    return print_list(context, answers::exceptions_answer(answer_context(context)), as_json,
                      {{"id", "station", "scanned_at", "card", "code", "reason"}, {}}, "exceptions.",
                      [&](const json& exception) {
                          return CsvRow{std::to_string(exception["id"].get<core::RowId>()),
                                        text(exception["station"]),
                                        moment(exception["scanned_at"]),
                                        text(exception["card"]),
                                        text(exception["code"]),
                                        word_in(tr, "kiosk.banner.refused.", text(exception["reason"]))};
                      });
}

// What settling one did, in its sentence or (--json) as JSON; else why not.
int print_settled(CliContext& context, const answers::AnswerOr& answer, bool as_json) {
    if (as_json || !answer) return deliver_answer(context, answer, std::nullopt);
    std::cout << text(std::get<json>(*answer)["message"]) << '\n';
    return exit_done;
}

}  // namespace

void add_station_commands(CLI::App& app, StationArguments& args,
                          const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen) {
    auto* stations = app.add_subcommand("stations", "The stations on other PCs: online, last seen, journal waiting");
    stations->add_flag("--json", args.json, "Print JSON");
    stations->callback(chosen([&args](CliContext& c) { return run_stations(c, args.json); }));

    auto* exceptions =
        app.add_subcommand("exceptions", "Offline scans the rules refused when replayed; accept or discard each");
    exceptions->add_flag("--json", args.json, "Print JSON");
    auto* accept = exceptions->add_subcommand("accept", "Apply the scan as the librarian's override (desk rules, now)");
    auto* discard = exceptions->add_subcommand("discard", "Close the exception without applying its scan");
    for (auto* settle : {accept, discard}) {
        settle->add_option("ID", args.id, "The exception's number, as `kitap exceptions` lists it")->required();
        settle->add_flag("--json", args.json, "Print JSON");
    }
    accept->callback(chosen([&args](CliContext& c) {
        return print_settled(c, answers::accept_exception_answer(answer_context(c), args.id, "cli"), args.json);
    }));
    discard->callback(chosen([&args](CliContext& c) {
        return print_settled(c, answers::discard_exception_answer(answer_context(c), args.id, "cli"), args.json);
    }));
    // CLI11 runs a subcommand's callback before its parent's: the list only when none was named.
    const auto list = chosen([&args](CliContext& c) { return run_exceptions(c, args.json); });
    exceptions->callback([exceptions, list] {
        if (exceptions->get_subcommands().empty()) list();
    });
}

}  // namespace kitap::cli
