#include "kiosk/cli/year_commands.hpp"

#include "core/codes/code_classifier.hpp"
#include "core/fund/money.hpp"
#include "kiosk/answers/money_json.hpp"
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

core::Date today() { return core::local_date(CliContext::now()); }

// A refusal on stderr in the person's language (write-off reasons too); exit 2
// for bad input, 1 for a rule.
int refuse(CliContext& context, const core::Refusal& refusal) {
    return report_problem(answers::refusal_problem(context.tr(), refusal));
}

// What an action did, in its one sentence or (--json) as JSON; else why not.
template <typename Done, typename ToJson>
int print_done(const answers::ProblemOr<Done>& done, bool as_json, ToJson to_json) {
    if (!done) return report_problem(done.error());
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

// Cells are stable words and numbers; `Label` turns a word into what the reader
// sees (itself in CSV, its translation in text).
using Label = std::function<std::string(const std::string&)>;

// CSV with the column keys as its header, or the text table.
void write_table(std::ostream& out, const Table& table, bool csv, const app::Translator& tr,
                 const std::string& header_prefix) {
    if (csv)
        write_csv(out, table.columns, table.rows);
    else
        write_text_table(out, table, tr, header_prefix);
}

Label label_for(bool csv, const app::Translator& tr, const std::string& prefix) {
    if (csv) return [](const std::string& word) { return word; };
    return [&tr, prefix](const std::string& word) { return word.empty() ? word : tr(prefix + word); };
}

int deliver(const CliContext& context, const std::optional<std::string>& out_file, const std::ostringstream& text) {
    return write_report(context.tr(), out_file, text.str()) ? exit_done : exit_bad_input;
}

// ---- Register ---------------------------------------------------------------------

using Measure = std::pair<std::string, std::function<std::string(const core::RegisterSection&)>>;

void add_movement_measures(std::vector<Measure>& measures, const std::string& name,
                           std::function<core::FundMovement(const core::RegisterSection&)> movement) {
    measures.emplace_back(name + "_copies",
                          [movement](const core::RegisterSection& s) { return number(movement(s).copies); });
    measures.emplace_back(
        name + "_sum", [movement](const core::RegisterSection& s) { return core::tenge_text(movement(s).sum_tiyn); });
}

// The register's lines, top to bottom.
std::vector<Measure> register_measures() {
    using Section = core::RegisterSection;
    std::vector<Measure> measures{{"fund_start", [](const Section& s) { return number(s.fund_start); }}};
    add_movement_measures(measures, "received", [](const Section& s) { return s.received; });
    add_movement_measures(measures, "written_off", [](const Section& s) { return s.written_off; });
    for (const auto reason : core::writeoff_reasons)
        add_movement_measures(measures, "written_off_" + std::string(to_string(reason)),
                              [reason](const Section& s) { return s.written_off_by_reason.at(reason); });
    add_movement_measures(measures, "lost_on_return", [](const Section& s) { return s.lost_on_return; });
    measures.emplace_back("fund_end", [](const Section& s) { return number(s.fund_end); });
    return measures;
}

Table register_table(const core::RegisterReport& report, const Label& label) {
    Table table{{"measure", "textbooks", "other", "total"}, {}};
    for (const auto& [name, value] : register_measures())
        table.rows.push_back({label(name), value(report.textbooks), value(report.other), value(report.total)});
    return table;
}

json movement_json(const core::FundMovement& movement) {
    return {{"copies", movement.copies}, {"sum", answers::tenge_json(movement.sum_tiyn)}};
}

json section_json(const core::RegisterSection& section) {
    json written_off = movement_json(section.written_off);
    written_off["by_reason"] = json::object();
    for (const auto& [reason, movement] : section.written_off_by_reason)
        written_off["by_reason"][std::string(to_string(reason))] = movement_json(movement);
    written_off["lost_on_return"] = movement_json(section.lost_on_return);
    return {{"fund_start", section.fund_start},
            {"received", movement_json(section.received)},
            {"written_off", written_off},
            {"fund_end", section.fund_end}};
}

json register_json(const core::RegisterReport& report) {
    return {{"year", report.school_year},
            {"from", report.first_day},
            {"to", report.last_day},
            {"textbooks", section_json(report.textbooks)},
            {"other", section_json(report.other)},
            {"total", section_json(report.total)}};
}

void write_register(std::ostream& out, const core::RegisterReport& report, const std::string& format,
                    const app::Translator& tr) {
    if (format == "json") {
        out << register_json(report).dump(2) << '\n';
        return;
    }
    const bool csv = format == "csv";
    if (!csv)
        out << tr("fund.register.header",
                  {{"year", report.school_year}, {"from", report.first_day}, {"to", report.last_day}})
            << '\n';
    write_table(out, register_table(report, label_for(csv, tr, "fund.register.measure.")), csv, tr,
                "fund.register.column.");
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

// ---- Order ------------------------------------------------------------------------

template <typename T>
std::string spaced(const std::vector<T>& values) {
    std::ostringstream text;
    for (std::size_t i = 0; i < values.size(); ++i) text << (i ? " " : "") << values[i];
    return text.str();
}

double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

json order_line_json(const core::OrderLine& line) {
    return {{"isbn", line.isbn},
            {"title", line.title},
            {"subject", line.subject},
            {"grades", line.grades},
            {"languages", line.languages},
            {"pupils", line.pupils},
            {"needed", line.needed},
            {"free", line.free},
            {"expected_returns", line.expected_returns},
            {"wear_rate", rounded(line.wear.fraction())},
            {"wear_from", line.school_wear ? "school" : "title"},
            {"worn", line.worn},
            {"usable", line.usable},
            {"to_order", line.to_order},
            {"price", answers::tenge_json(line.price_tiyn)},
            {"sum", answers::tenge_json(line.sum_tiyn)}};
}

json order_json(const core::OrderReport& report) {
    json out{{"for_year", report.for_year},
             {"based_on", report.based_on},
             {"pupils", json::array()},
             {"school_wear_rate", rounded(report.school_wear.fraction())},
             {"titles", json::array()},
             {"total", {{"to_order", report.total_to_order}, {"sum", answers::tenge_json(report.total_sum_tiyn)}}}};
    for (const auto& group : report.pupils)
        out["pupils"].push_back({{"grade", group.grade},
                                 {"language", to_string(group.language)},
                                 {"pupils", group.pupils},
                                 {"estimated", group.estimated}});
    for (const auto& line : report.lines) out["titles"].push_back(order_line_json(line));
    return out;
}

Table order_table(const core::OrderReport& report) {
    Table table{{"isbn", "title", "grades", "languages", "pupils", "needed", "free", "expected_returns", "wear_rate",
                 "worn", "usable", "to_order", "price", "sum"},
                {}};
    for (const auto& line : report.lines)
        table.rows.push_back({line.isbn, line.title, spaced(line.grades), spaced(line.languages), number(line.pupils),
                              number(line.needed), number(line.free), number(line.expected_returns),
                              format_number(line.wear.fraction(), 3), number(line.worn), number(line.usable),
                              number(line.to_order), core::tenge_text(line.price_tiyn),
                              core::tenge_text(line.sum_tiyn)});
    return table;
}

// What the text order says around its table: whom it counts, how wear is estimated, the total.
void write_order_text(std::ostream& out, const core::OrderReport& report, const app::Translator& tr) {
    out << tr("order.text.header", {{"year", report.for_year}, {"based_on", report.based_on}}) << '\n';
    for (const auto& group : report.pupils)
        out << tr(group.estimated ? "order.text.pupils_estimated" : "order.text.pupils",
                  {{"grade", number(group.grade)},
                   {"language", std::string(to_string(group.language))},
                   {"pupils", number(group.pupils)}})
            << '\n';
    out << tr("order.text.wear", {{"rate", format_number(report.school_wear.fraction(), 3)},
                                  {"worn", number(report.school_wear.worn)},
                                  {"returned", number(report.school_wear.returned)}})
        << '\n';
    write_text_table(out, order_table(report), tr, "order.column.");
    out << tr("order.text.total",
              {{"to_order", number(report.total_to_order)}, {"sum", core::tenge_text(report.total_sum_tiyn)}})
        << '\n';
}

void write_order(std::ostream& out, const core::OrderReport& report, const std::string& format,
                 const app::Translator& tr) {
    if (format == "json")
        out << order_json(report).dump(2) << '\n';
    else if (format == "csv")
        write_table(out, order_table(report), true, tr, "");
    else
        write_order_text(out, report, tr);
}

}  // namespace

// ---- Commands ---------------------------------------------------------------------

int run_year_close(CliContext& context, const YearArguments& args) {
    const auto close =
        answers::close_year(context.library(), context.tr(),
                            {.year = args.year, .dry_run = args.dry_run, .early = args.early, .by = by_librarian()});
    if (!close) return report_problem(close.error());
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
    const auto acts = or_fault(context.library().fund().writeoff_acts());
    if (as_json) {
        json out = json::array();
        for (const auto& act : acts)
            out.push_back({{"number", act.number},
                           {"date", act.date},
                           {"reason", to_string(act.reason)},
                           {"rows", act.rows},
                           {"copies", act.copies},
                           {"sum", answers::tenge_json(act.sum_tiyn)}});
        std::cout << out.dump(2) << '\n';
        return exit_done;
    }
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

int run_report_register(CliContext& context, const YearArguments& args) {
    const auto year = args.year.value_or(or_fault(context.library().year().current(today())));
    const auto report = or_fault(context.library().reports().register_of(year));
    if (!report) return refuse(context, report.error());
    std::ostringstream text;
    write_register(text, *report, args.format, context.tr());
    return deliver(context, args.out, text);
}

int run_report_order(CliContext& context, const YearArguments& args) {
    const auto report = or_fault(
        context.library().reports().order({.for_year = args.for_year, .grade1 = args.grade1, .today = today()}));
    if (!report) return refuse(context, report.error());
    std::ostringstream text;
    write_order(text, *report, args.format, context.tr());
    return deliver(context, args.out, text);
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
    if (!report) return report_problem(report.error());
    std::ostringstream text;
    write_stocktake(text, *report, args.format, context.tr());
    return deliver(context, args.out, text);
}

}  // namespace kitap::cli
