#include "kiosk/cli/year_commands.hpp"

#include "core/codes/code_classifier.hpp"
#include "core/fund/money.hpp"
#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/money_json.hpp"
#include "kiosk/answers/record_answers.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/cli/report_output.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <sstream>

namespace kitap::cli {
namespace {

using nlohmann::json;

answers::ActedAt by_librarian() { return {.now = CliContext::now()}; }

// What an action did, in its one sentence or (--json) as JSON; else why not.
template <typename Done, typename ToJson>
int print_done(const answers::ProblemOr<Done>& done, bool as_json, ToJson to_json) {
    if (!done) return answers::tell_cli(done.error());
    if (as_json)
        print_json(to_json(*done));
    else
        std::cout << done->message << '\n';
    return exit_done;
}

template <typename Number>
std::string number(Number value) {
    return std::to_string(value);
}

std::string reason_word(const app::Translator& tr, core::WriteoffReason reason) {
    return tr("fund.reason." + std::string(to_string(reason)));
}

// ---- Tables: CSV for spreadsheets, aligned text for people -----------------------

// CSV with the column keys as its header, or the text table.
void write_table(std::ostream& out, const Table& table, bool csv, const app::Translator& tr,
                 const std::string& header_prefix) {
    if (csv)
        write_csv(out, table.columns, table.rows);
    else
        write_text_table(out, table, tr, header_prefix);
}

int deliver(const CliContext& context, const std::optional<std::string>& out_file, const std::ostringstream& text) {
    return write_report(context.tr(), out_file, text.str()) ? exit_done : exit_bad_input;
}

// ---- Stocktake --------------------------------------------------------------------

std::string scan_message(const core::StocktakeScanResult& scan, const app::Translator& tr) {
    std::string key = "stocktake.scan." + std::string(to_string(scan.finding));
    if (scan.finding == core::StocktakeFinding::unexpected) key += "." + std::string(to_string(scan.reason));
    if (scan.repeated && scan.finding == core::StocktakeFinding::expected) key = "stocktake.scan.repeated";
    return tr(key, {{"title", scan.title}, {"counted", number(scan.counted)}, {"code", scan.code}});
}

json scan_json(const core::StocktakeScanResult& scan, const app::Translator& tr) {
    return {{"code", scan.code},
            {"finding", to_string(scan.finding)},
            {"reason", to_string(scan.reason)},
            {"title", scan.title},
            {"counted", scan.counted},
            {"repeated", scan.repeated},
            {"message", scan_message(scan, tr)}};
}

Table stocktake_table(const core::StocktakeReport& report, const Label& label) {
    Table table{{"section", "code", "title", "shelf", "reason", "expected", "counted", "difference"}, {}};
    for (const auto& line : report.missing)
        table.rows.push_back({label("missing"), line.code, line.title, line.shelf, "", "", "", ""});
    for (const auto& line : report.unexpected)
        table.rows.push_back({label("unexpected"), line.code, line.title, line.shelf,
                              label(std::string(to_string(line.reason))), "", "", ""});
    for (const auto& line : report.titles)
        table.rows.push_back({label("title"), line.isbn, line.title, "", "", number(line.expected),
                              number(line.counted), number(line.counted - line.expected)});
    return table;
}

void write_stocktake(std::ostream& out, const core::StocktakeReport& report, const std::string& format,
                     const app::Translator& tr) {
    if (format == "json") {
        out << answers::stocktake_json(report).dump(2) << '\n';
        return;
    }
    const bool csv = format == "csv";
    if (!csv)
        out << tr("stocktake.finished", {{"scope", report.scope},
                                         {"scans", number(report.scans)},
                                         {"found", number(report.found_copies)},
                                         {"expected", number(report.expected_copies)},
                                         {"missing", number(report.missing.size())},
                                         {"unexpected", number(report.unexpected.size())}})
            << '\n';
    write_table(out, stocktake_table(report, label_for(csv, tr, "stocktake.word.")), csv, tr, "stocktake.column.");
}

}  // namespace

// ---- Commands ---------------------------------------------------------------------

int run_year_close(CliContext& context, const YearArguments& args) {
    const auto close =
        answers::close_year(context.library(), context.tr(),
                            {.year = args.year, .dry_run = args.dry_run, .early = args.early, .by = by_librarian()});
    if (!close) return answers::tell_cli(close.error());
    print_json(answers::year_close_json(*close, context.tr()));
    return exit_done;
}

int run_receive(CliContext& context, const ReceiveArguments& args) {
    auto request = args.request;
    request.by = by_librarian();
    return print_done(answers::receive(context.library(), context.tr(), request), args.json, answers::receive_json);
}

int run_writeoff(CliContext& context, const WriteoffArguments& args) {
    auto request = args.request;
    request.by = by_librarian();
    return print_done(answers::write_off(context.library(), context.tr(), request), args.json, answers::writeoff_json);
}

int run_acts(CliContext& context, bool as_json) {
    if (as_json) return deliver_answer(context, answers::acts_answer(answer_context(context)), std::nullopt);
    const auto acts = or_fault(context.library().fund().writeoff_acts());
    const auto& tr = context.tr();
    if (acts.empty()) {
        std::cout << tr("fund.acts.none") << '\n';
        return exit_done;
    }
    Table table{{"number", "date", "reason", "rows", "copies", "sum"}, {}};
    for (const auto& act : acts)
        table.rows.push_back({act.number, act.date, reason_word(tr, act.reason), number(act.rows), number(act.copies),
                              core::tenge_text(act.sum_tiyn)});
    write_text_table(std::cout, table, tr, "fund.acts.column.");
    return exit_done;
}

int run_stocktake_start(CliContext& context, const std::string& scope, bool as_json) {
    const auto started =
        answers::start_stocktake(context.library(), context.tr(), {.scope = scope, .by = by_librarian()});
    return print_done(started, as_json, answers::stocktake_started_json);
}

int run_stocktake_scan(CliContext& context, const std::vector<std::string>& codes) {
    auto stocktake = context.library().stocktake();
    int exit_code = exit_done;
    auto handle = [&](const std::string& raw) {
        const std::string code = core::clean_scanned_text(raw, context.config().rules.codes);
        if (code.empty() || exit_code != exit_done) return;
        const auto scan = or_fault(stocktake.record_scan(code, CliContext::now(), "cli"));
        if (scan.finding == core::StocktakeFinding::no_stocktake) {
            std::cerr << context.tr()("stocktake.error.none_open") << '\n';
            exit_code = exit_refused;
            return;
        }
        std::cout << scan_json(scan, context.tr()).dump() << std::endl;
    };
    if (!codes.empty()) {
        for (const auto& code : codes) handle(code);
        return exit_code;
    }
    for (std::string line; std::getline(std::cin, line);) handle(line);
    return exit_code;
}

int run_stocktake_finish(CliContext& context, const YearArguments& args) {
    const auto report = answers::finish_stocktake(context.library(), context.tr(), by_librarian());
    if (!report) return answers::tell_cli(report.error());
    std::ostringstream text;
    write_stocktake(text, *report, args.format, context.tr());
    return deliver(context, args.out, text);
}

}  // namespace kitap::cli
