#include "kiosk/cli/district_commands.hpp"

#include "core/reports/annual_report.hpp"
#include "kiosk/answers/documents.hpp"
#include "kiosk/answers/fund_reports.hpp"
#include "kiosk/answers/tables.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/district/district_database.hpp"
#include "kiosk/district/district_reports.hpp"
#include "kiosk/district/district_sync.hpp"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <cmath>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace kitap::cli {
namespace {

using nlohmann::ordered_json;
using Connected = std::function<int(pqxx::connection&)>;

// --pg, else [district] url; nullopt (after saying so) when neither is there.
std::optional<std::string> district_conninfo(const CliContext& context, const std::optional<std::string>& pg) {
    if (pg) return pg;
    if (context.config().district.url) return context.config().district.url;
    std::cerr << context.tr()("district.no_server") << '\n';
    return std::nullopt;
}

// Runs `command` on a connection to the district's server. A server that cannot be
// reached or fails mid-command is exit 3 (its transaction was rolled back); a
// district that refuses (its schema, a school's records) is exit 1.
int with_district(CliContext& context, const std::optional<std::string>& pg, const Connected& command) {
    const auto conninfo = district_conninfo(context, pg);
    if (!conninfo) return exit_bad_input;
    try {
        pqxx::connection connection(*conninfo);
        return command(connection);
    } catch (const district::DistrictError& refused) {
        std::cerr << "kitap: district: " << refused.what() << '\n';
        return exit_refused;
    } catch (const pqxx::failure& failed) {
        std::cerr << "kitap: district server: " << failed.what() << '\n';
        return exit_fault;
    } catch (const std::logic_error& failed) {  // pqxx::usage_error, conversion_error: an answer we cannot read
        std::cerr << "kitap: district server: " << failed.what() << '\n';
        return exit_fault;
    } catch (const std::range_error& failed) {  // pqxx::unexpected_rows
        std::cerr << "kitap: district server: " << failed.what() << '\n';
        return exit_fault;
    }
}

// A JSON answer with its keys in the order they were made.
int deliver_json(CliContext& context, const ordered_json& json, const std::optional<std::string>& out) {
    return deliver_answer(context, answers::Document{json.dump(2) + "\n", answers::ordered_json_type, "district.json"},
                          out);
}

int deliver_table(CliContext& context, const answers::Table& table, const std::string& format,
                  const std::optional<std::string>& out) {
    std::ostringstream text;
    if (format == "csv")
        answers::write_csv(text, table.columns, table.rows);
    else
        answers::write_text_table(text, table, context.tr(), "district.column.");
    return deliver_answer(
        context,
        answers::Document{text.str(), format == "csv" ? answers::csv_type : answers::text_type, "district." + format},
        out);
}

int deliver_document(CliContext& context, const printing::ReportDocument& document, const std::string& format,
                     const std::string& name, const std::optional<std::string>& out) {
    return deliver_answer(context, answers::report_file(document, format, context.tr(), name), out);
}

printing::ReportContext report_context(CliContext& context) {
    return {context.tr(), context.config().school.name, core::local_date(CliContext::now())};
}

std::string percent_text(double percent) { return answers::format_number(percent, 1); }

// --- init, sync, schools -------------------------------------------------------------

int run_init(CliContext& context, const DistrictArguments& args) {
    return with_district(context, args.pg, [&](pqxx::connection& connection) {
        const auto change = district::migrate_district(connection);
        if (args.json)
            deliver_json(context, ordered_json{{"from", change.from}, {"to", change.to}}, std::nullopt);
        else
            std::cout << context.tr()(change.from == change.to ? "district.init.current" : "district.init.migrated",
                                      {{"from", std::to_string(change.from)}, {"to", std::to_string(change.to)}})
                      << '\n';
        return exit_done;
    });
}

ordered_json sync_json(const district::SyncReport& report) {
    ordered_json snapshots = ordered_json::object();
    for (const auto& [name, rows] : report.snapshots) snapshots[name] = rows;
    return {{"school", report.school},
            {"events_sent", report.events_sent},
            {"events_already", report.events_already},
            {"last_sequence", report.last_sequence},
            {"snapshots", snapshots}};
}

int run_sync(CliContext& context, const DistrictArguments& args) {
    const auto& school = context.config().school;
    if (!school.id) {
        std::cerr << context.tr()("district.sync.no_id") << '\n';
        return exit_bad_input;
    }
    return with_district(context, args.pg, [&](pqxx::connection& connection) {
        const auto report = or_fault(district::sync_school(context.library(), {.id = *school.id, .name = school.name},
                                                           connection, core::local_date(CliContext::now())));
        if (args.json)
            deliver_json(context, sync_json(report), std::nullopt);
        else
            std::cout << context.tr()("district.sync.done", {{"school", report.school},
                                                             {"sent", std::to_string(report.events_sent)},
                                                             {"already", std::to_string(report.events_already)},
                                                             {"last", std::to_string(report.last_sequence)}})
                      << '\n';
        return exit_done;
    });
}

template <typename T>
ordered_json or_null(const std::optional<T>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

int run_schools(CliContext& context, const DistrictArguments& args) {
    return with_district(context, args.pg, [&](pqxx::connection& connection) {
        const auto schools = district::school_statuses(connection);
        if (args.json) {
            auto json = ordered_json::array();
            for (const auto& s : schools)
                json.push_back({{"school", s.school},
                                {"name", s.name},
                                {"last_sync", or_null(s.last_sync)},
                                {"last_event_at", or_null(s.last_event_at)},
                                {"last_sequence", s.last_sequence},
                                {"hours_behind", or_null(s.hours_behind)}});
            return deliver_json(context, json, std::nullopt);
        }
        answers::Table table{.columns = {"school", "name", "last_sync", "last_event_at", "hours_behind"}};
        for (const auto& s : schools)
            table.rows.push_back({s.school, s.name, s.last_sync.value_or("-"), s.last_event_at.value_or("-"),
                                  s.hours_behind ? answers::format_number(*s.hours_behind, 1) : "-"});
        return deliver_table(context, table, "text", std::nullopt);
    });
}

// --- annual --------------------------------------------------------------------------

// The annual report's lines with `values` in them (as core::annual_lines orders them).
std::vector<core::AnnualLine> annual_lines_of(const std::vector<std::int64_t>& values) {
    auto lines = core::annual_lines(core::AnnualFigures{});
    for (std::size_t i = 0; i < lines.size() && i < values.size(); ++i) lines[i].value = values[i];
    return lines;
}

std::string figure_text(const core::AnnualLine& line) {
    return line.tenge ? answers::format_number(static_cast<double>(line.value) / 100.0, 2) : std::to_string(line.value);
}

ordered_json annual_school_json(const district::SchoolAnnual& school) {
    ordered_json json{{"school", school.school}};
    if (!school.name.empty()) json["name"] = school.name;
    for (const auto& line : annual_lines_of(school.values))
        json[std::string(line.key)] = answers::annual_figure_json(line);
    auto& months = json["loans_by_month"] = ordered_json::array();
    for (const auto& [month, loans] : school.loans_by_month) months.push_back({{"month", month}, {"loans", loans}});
    return json;
}

answers::Table annual_table(const district::DistrictAnnual& annual) {
    answers::Table table{.columns = {"school"}};
    for (const auto& line : core::annual_lines(core::AnnualFigures{})) table.columns.emplace_back(line.key);
    auto add = [&](const district::SchoolAnnual& school) {
        answers::CsvRow row{school.school};
        for (const auto& line : annual_lines_of(school.values)) row.push_back(figure_text(line));
        table.rows.push_back(std::move(row));
    };
    for (const auto& school : annual.schools) add(school);
    add(annual.total);
    return table;
}

printing::Cell figure_cell(const core::AnnualLine& line) {
    return line.tenge ? printing::tenge_cell(line.value) : printing::count_cell(line.value);
}

// The city's figures laid out as a school's annual report, then the main figures school by school.
printing::ReportDocument annual_document(const district::DistrictAnnual& annual, const printing::ReportContext& rc) {
    const auto& tr = rc.tr;
    auto document = printing::report_document(rc, tr("district.annual.title", {{"year", annual.year}}));
    printing::ReportSection city{.heading = tr("district.annual.city"),
                                 .columns = {{tr("print.column.indicator"), 5}, {tr("district.column.total"), 2}},
                                 .sheet = tr("district.sheet.city")};
    for (const auto& line : annual_lines_of(annual.total.values)) {
        auto label = printing::text_cell(tr("print.annual." + std::string(line.key)), line.level);
        city.rows.push_back({line.level == 0 ? printing::strong(label) : label, figure_cell(line)});
    }
    document.sections.push_back(std::move(city));
    printing::ReportSection schools{.heading = tr("district.annual.by_school"),
                                    .columns = {{tr("district.column.school"), 3}},
                                    .new_page = true,
                                    .sheet = tr("district.sheet.schools")};
    const auto keys = core::annual_lines(core::AnnualFigures{});
    for (const auto& line : keys)
        if (line.level == 0) schools.columns.push_back({tr("print.annual." + std::string(line.key)), 1.4});
    auto add = [&](const district::SchoolAnnual& school, bool total) {
        printing::Row row{printing::text_cell(total ? tr("district.column.total") : school.school)};
        for (const auto& line : annual_lines_of(school.values))
            if (line.level == 0) row.push_back(total ? printing::strong(figure_cell(line)) : figure_cell(line));
        schools.rows.push_back(std::move(row));
    };
    for (const auto& school : annual.schools) add(school, false);
    add(annual.total, true);
    document.sections.push_back(std::move(schools));
    return document;
}

// Whether `year` names a school year, such as 2023-2024 (after saying it does not).
bool known_school_year(const CliContext& context, const std::string& year) {
    if (core::school_year_span(year)) return true;
    std::cerr << context.tr()("print.annual.bad_year", {{"year", year}}) << '\n';
    return false;
}

int run_annual(CliContext& context, const DistrictArguments& args) {
    if (!known_school_year(context, args.year)) return exit_bad_input;
    return with_district(context, args.pg, [&](pqxx::connection& connection) {
        const auto annual = district::district_annual(connection, args.year);
        if (args.format == "json") {
            ordered_json json{{"year", annual.year}, {"schools", ordered_json::array()}};
            for (const auto& school : annual.schools) json["schools"].push_back(annual_school_json(school));
            auto total = annual_school_json(annual.total);
            total.erase("school");
            json["total"] = std::move(total);
            return deliver_json(context, json, args.out);
        }
        if (args.format == "csv") return deliver_table(context, annual_table(annual), "csv", args.out);
        return deliver_document(context, annual_document(annual, report_context(context)), args.format,
                                "district-annual-" + annual.year, args.out);
    });
}

// The schools a report leaves out, named above its first table (`message` takes {schools}).
void add_not_counted_line(printing::ReportSection& section, const app::Translator& tr, const std::string& message,
                          const district::SchoolsCounted& schools) {
    if (schools.not_counted.empty()) return;
    std::string names;
    for (const auto& school : schools.not_counted) names += (names.empty() ? "" : ", ") + school;
    section.lines.push_back(tr(message, {{"schools", names}}));
}

// --- provision -----------------------------------------------------------------------

// `head` (what the figures are of) followed by the figures.
ordered_json with_figures(ordered_json head, const district::ProvisionFigures& figures) {
    head["pupils"] = figures.pupils;
    head["needed"] = figures.needed;
    head["issued"] = figures.issued;
    head["provision_pct"] = std::round(figures.percent() * 10) / 10;
    return head;
}

ordered_json provision_json(const district::DistrictProvision& provision, const DistrictArguments& args) {
    ordered_json json{{"school_year", provision.school_year},
                      {"grade", or_null(args.grade)},
                      {"language", or_null(args.language)},
                      {"schools_counted", provision.schools.counted},
                      {"schools_not_counted", provision.schools.not_counted}};
    auto& titles = json["titles"] = ordered_json::array();
    for (const auto& t : provision.titles)
        titles.push_back(with_figures({{"isbn", t.isbn}, {"title", t.title}}, t.figures));
    auto& behind = json["behind"] = ordered_json::array();
    for (const auto& s : provision.behind)
        behind.push_back(with_figures({{"school", s.school}, {"name", s.name}}, s.figures));
    auto& lines = json["lines"] = ordered_json::array();
    for (const auto& l : provision.lines)
        lines.push_back(with_figures({{"school", l.school}, {"isbn", l.isbn}, {"title", l.title}}, l.figures));
    return json;
}

answers::CsvRow figure_texts(const district::ProvisionFigures& f) {
    return {std::to_string(f.pupils), std::to_string(f.needed), std::to_string(f.issued), percent_text(f.percent())};
}

answers::Table provision_table(const district::DistrictProvision& provision) {
    answers::Table table{.columns = {"school", "isbn", "title", "pupils", "needed", "issued", "provision_pct"}};
    for (const auto& line : provision.lines) {
        answers::CsvRow row{line.school, line.isbn, line.title};
        for (auto& cell : figure_texts(line.figures)) row.push_back(std::move(cell));
        table.rows.push_back(std::move(row));
    }
    return table;
}

printing::Row provision_cells(printing::Row row, const district::ProvisionFigures& f) {
    row.push_back(printing::count_cell(f.needed));
    row.push_back(printing::count_cell(f.issued));
    row.push_back(printing::percent_cell(f.percent()));
    return row;
}

printing::ReportDocument provision_document(const district::DistrictProvision& provision,
                                            const printing::ReportContext& rc) {
    const auto& tr = rc.tr;
    auto document = printing::report_document(rc, tr("district.provision.title", {{"year", provision.school_year}}));
    const std::vector<printing::Column> figures{
        {tr("district.column.needed"), 1}, {tr("district.column.issued"), 1}, {tr("district.column.provision_pct"), 1}};
    printing::ReportSection titles{.heading = tr("district.provision.city"),
                                   .columns = {{tr("district.column.title"), 4}},
                                   .sheet = tr("district.sheet.city")};
    add_not_counted_line(titles, tr, "district.provision.not_counted", provision.schools);
    titles.columns.insert(titles.columns.end(), figures.begin(), figures.end());
    for (const auto& t : provision.titles)
        titles.rows.push_back(provision_cells({printing::text_cell(t.title)}, t.figures));
    printing::ReportSection behind{.heading = tr("district.provision.behind"),
                                   .columns = {{tr("district.column.school"), 4}},
                                   .new_page = true,
                                   .sheet = tr("district.sheet.schools")};
    behind.columns.insert(behind.columns.end(), figures.begin(), figures.end());
    for (const auto& s : provision.behind)
        behind.rows.push_back(provision_cells({printing::text_cell(s.school)}, s.figures));
    document.sections.push_back(std::move(titles));
    document.sections.push_back(std::move(behind));
    return document;
}

int run_provision(CliContext& context, const DistrictArguments& args) {
    const auto school_year = args.year.empty() ? core::school_year_of(core::local_date(CliContext::now())) : args.year;
    if (!known_school_year(context, school_year)) return exit_bad_input;
    return with_district(context, args.pg, [&](pqxx::connection& connection) {
        const auto provision = district::district_provision(
            connection, {.school_year = school_year, .grade = args.grade, .language = args.language});
        if (args.format == "json") return deliver_json(context, provision_json(provision, args), args.out);
        if (args.format == "csv" || args.format == "text")
            return deliver_table(context, provision_table(provision), args.format, args.out);
        return deliver_document(context, provision_document(provision, report_context(context)), args.format,
                                "district-provision", args.out);
    });
}

// --- exchange ------------------------------------------------------------------------

struct TransferLine {
    const district::ExchangeTitle* title;
    const district::Transfer* transfer;
};

std::vector<TransferLine> transfer_lines(const district::DistrictExchange& exchange) {
    std::vector<TransferLine> lines;
    for (const auto& title : exchange.titles)
        for (const auto& transfer : title.plan.transfers) lines.push_back({&title, &transfer});
    return lines;
}

ordered_json exchange_json(const district::DistrictExchange& exchange) {
    ordered_json json{{"for_year", exchange.for_year},
                      {"schools_counted", exchange.schools.counted},
                      {"schools_not_counted", exchange.schools.not_counted}};
    auto& transfers = json["transfers"] = ordered_json::array();
    for (const auto& [title, transfer] : transfer_lines(exchange))
        transfers.push_back({{"from", transfer->from_school},
                             {"to", transfer->to_school},
                             {"isbn", title->isbn},
                             {"title", title->title},
                             {"count", transfer->count}});
    auto& titles = json["titles"] = ordered_json::array();
    for (const auto& title : exchange.titles) {
        auto& line = titles.emplace_back(ordered_json{{"isbn", title.isbn},
                                                      {"title", title.title},
                                                      {"shortage", title.plan.shortage},
                                                      {"surplus", title.plan.surplus},
                                                      {"covered", title.plan.covered}});
        auto& schools = line["schools"] = ordered_json::array();
        for (const auto& b : title.balances)
            schools.push_back({{"school", b.school}, {"surplus", b.surplus}, {"shortage", b.shortage}});
    }
    return json;
}

answers::Table exchange_table(const district::DistrictExchange& exchange) {
    answers::Table table{.columns = {"from", "to", "isbn", "title", "count"}};
    for (const auto& [title, transfer] : transfer_lines(exchange))
        table.rows.push_back(
            {transfer->from_school, transfer->to_school, title->isbn, title->title, std::to_string(transfer->count)});
    return table;
}

printing::ReportDocument exchange_document(const district::DistrictExchange& exchange,
                                           const printing::ReportContext& rc) {
    const auto& tr = rc.tr;
    auto document = printing::report_document(rc, tr("district.exchange.title", {{"year", exchange.for_year}}));
    printing::ReportSection transfers{.columns = {{tr("district.column.from"), 2},
                                                  {tr("district.column.to"), 2},
                                                  {tr("district.column.title"), 5},
                                                  {tr("district.column.count"), 1}},
                                      .sheet = tr("district.sheet.transfers")};
    add_not_counted_line(transfers, tr, "district.exchange.not_counted", exchange.schools);
    for (const auto& [title, transfer] : transfer_lines(exchange))
        transfers.rows.push_back({printing::text_cell(transfer->from_school), printing::text_cell(transfer->to_school),
                                  printing::text_cell(title->title), printing::count_cell(transfer->count)});
    printing::ReportSection titles{.heading = tr("district.exchange.by_title"),
                                   .columns = {{tr("district.column.title"), 5},
                                               {tr("district.column.shortage"), 1.2},
                                               {tr("district.column.surplus"), 1.2},
                                               {tr("district.column.covered"), 1.2}},
                                   .sheet = tr("district.sheet.titles")};
    for (const auto& title : exchange.titles)
        titles.rows.push_back({printing::text_cell(title.title), printing::count_cell(title.plan.shortage),
                               printing::count_cell(title.plan.surplus), printing::count_cell(title.plan.covered)});
    document.sections.push_back(std::move(transfers));
    document.sections.push_back(std::move(titles));
    return document;
}

int run_exchange(CliContext& context, const DistrictArguments& args) {
    if (!known_school_year(context, args.for_year)) return exit_bad_input;
    return with_district(context, args.pg, [&](pqxx::connection& connection) {
        const auto exchange = district::district_exchange(connection, args.for_year);
        if (args.format == "json") return deliver_json(context, exchange_json(exchange), args.out);
        if (args.format == "csv" || args.format == "text")
            return deliver_table(context, exchange_table(exchange), args.format, args.out);
        return deliver_document(context, exchange_document(exchange, report_context(context)), args.format,
                                "district-exchange-" + exchange.for_year, args.out);
    });
}

void add_pg_option(CLI::App* command, DistrictArguments& args) {
    command->add_option("--pg", args.pg, "libpq connection string of the district's server (else [district] url)");
}

void add_report_options(CLI::App* command, DistrictArguments& args, std::optional<std::string>& lang,
                        std::vector<std::string> formats) {
    add_pg_option(command, args);
    const auto fallback = formats.front();
    std::string list;
    for (const auto& format : formats) list += (list.empty() ? "" : ", ") + format;
    command->add_option("--format", args.format, list + " (default " + fallback + ")")->check(CLI::IsMember(formats));
    command->add_option("--lang", lang, "Language of the report: kk, ru or en")
        ->check(CLI::IsMember({"kk", "ru", "en"}));
    command->add_option("--out", args.out, "Write to this file");
    command->preparse_callback([&args, fallback](std::size_t) { args.format = fallback; });
}

}  // namespace

void add_district_commands(CLI::App& app, DistrictArguments& args, std::optional<std::string>& lang,
                           const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen) {
    auto* sync = app.add_subcommand("sync", "Send the district's server what it has not got yet ([school] id)");
    add_pg_option(sync, args);
    sync->add_flag("--json", args.json, "Print JSON");
    sync->callback(chosen([&args](CliContext& c) { return run_sync(c, args); }));

    auto* district = app.add_subcommand("district", "The city's server: its schema, schools and reports (PostgreSQL)");
    district->require_subcommand(1);
    auto* init = district->add_subcommand("init", "Create the district's schema or bring it up to date");
    add_pg_option(init, args);
    init->add_flag("--json", args.json, "Print JSON");
    init->callback(chosen([&args](CliContext& c) { return run_init(c, args); }));

    auto* schools = district->add_subcommand("schools", "Each school, its last sync and how far behind it is");
    add_pg_option(schools, args);
    schools->add_flag("--json", args.json, "Print JSON");
    schools->callback(chosen([&args](CliContext& c) { return run_schools(c, args); }));

    auto* report = district->add_subcommand("report", "The city's reports");
    report->require_subcommand(1);
    auto* annual = report->add_subcommand("annual", "Annual statistics, a row per school and the city's totals");
    annual->add_option("--year", args.year, "School year such as 2023-2024")->required();
    add_report_options(annual, args, lang, {"json", "csv", "pdf", "xlsx"});
    annual->callback(chosen([&args](CliContext& c) { return run_annual(c, args); }));

    auto* provision =
        report->add_subcommand("provision", "Textbook provision per school and title, the city's per title");
    provision->add_option("--year", args.year, "School year such as 2023-2024 (default the current one)");
    provision->add_option("--grade", args.grade, "Only this grade")->check(CLI::Range(0, 11));
    provision->add_option("--language", args.language, "kk or ru")->check(CLI::IsMember({"kk", "ru"}));
    add_report_options(provision, args, lang, {"text", "json", "csv", "pdf", "xlsx"});
    provision->callback(chosen([&args](CliContext& c) { return run_provision(c, args); }));

    auto* exchange =
        district->add_subcommand("exchange", "Spare textbooks against shortages, and the transfers proposed");
    exchange->add_option("--for-year", args.for_year, "The school year the textbooks are for, such as 2024-2025")
        ->required();
    add_report_options(exchange, args, lang, {"text", "json", "csv", "pdf", "xlsx"});
    exchange->callback(chosen([&args](CliContext& c) { return run_exchange(c, args); }));
}

}  // namespace kitap::cli
