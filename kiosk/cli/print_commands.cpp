#include "kiosk/cli/print_commands.hpp"

#include "core/codes/code_classifier.hpp"
#include "core/reports/annual_report.hpp"
#include "kiosk/cli/report_output.hpp"
#include "kiosk/print/annual_document.hpp"
#include "kiosk/print/clearance_document.hpp"
#include "kiosk/print/command_sheet.hpp"
#include "kiosk/print/copy_labels.hpp"
#include "kiosk/print/debtors_document.hpp"
#include "kiosk/print/order_document.hpp"
#include "kiosk/print/pdf_report.hpp"
#include "kiosk/print/provision_document.hpp"
#include "kiosk/print/reader_cards.hpp"
#include "kiosk/print/register_document.hpp"
#include "kiosk/print/stocktake_document.hpp"
#include "kiosk/print/writeoff_act_document.hpp"
#include "kiosk/print/xlsx_report.hpp"

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

namespace kitap::cli {
namespace {

namespace fs = std::filesystem;

// A value, or the exit code after the reason was told on stderr.
template <typename T>
using OrExit = tl::expected<T, int>;

using DocumentWriter = std::function<tl::expected<void, printing::PrintError>(const fs::path&)>;

int told(const CliContext& context, const std::string& key, const app::MessageArgs& args, int exit_code) {
    std::cerr << context.tr()(key, args) << '\n';
    return exit_code;
}

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
    return text;
}

// Binary documents are never poured onto a terminal.
bool can_deliver(const CliContext& context, const std::optional<std::string>& out) {
    if (out || !isatty(STDOUT_FILENO)) return true;
    told(context, "print.error.terminal", {}, exit_bad_input);
    return false;
}

// Where messages go: standard output, unless the document itself does.
std::ostream& notes(const std::optional<std::string>& out) { return out ? std::cout : std::cerr; }

bool copy_to_stdout(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::cout << in.rdbuf();
    return static_cast<bool>(std::cout.flush());
}

// A private folder for a document on its way to standard output.
std::optional<fs::path> scratch_folder() {
    std::string pattern = (fs::temp_directory_path() / "kitap-print-XXXXXX").string();
    if (!mkdtemp(pattern.data())) return std::nullopt;
    return pattern;
}

int deliver(const CliContext& context, const std::optional<std::string>& out, const std::string& extension,
            const DocumentWriter& write) {
    if (out) {
        const auto written = write(*out);
        return written ? exit_done : told(context, written.error().key, written.error().args, exit_bad_input);
    }
    const auto scratch = scratch_folder();
    if (!scratch)
        return told(context, "print.error.cannot_write", {{"file", fs::temp_directory_path().string()}}, exit_fault);
    const fs::path& folder = *scratch;
    const auto written = write(folder / ("document." + extension));
    const bool copied = written && copy_to_stdout(folder / ("document." + extension));
    std::error_code ignored;
    fs::remove_all(folder, ignored);
    if (!written) return told(context, written.error().key, written.error().args, exit_bad_input);
    return copied ? exit_done : exit_fault;
}

int write_document(const CliContext& context, const printing::ReportDocument& document, const std::string& format,
                   const std::optional<std::string>& out) {
    return deliver(context, out, format, [&](const fs::path& path) {
        return format == "xlsx" ? printing::write_xlsx_report(path, document)
                                : printing::write_pdf_report(path, document);
    });
}

printing::ReportContext report_context(const CliContext& context) {
    return {context.tr(), context.config().school.name, core::local_date(CliContext::now())};
}

OrExit<std::optional<core::ClassName>> class_filter(const CliContext& context, const std::optional<std::string>& text) {
    if (!text) return std::optional<core::ClassName>{};
    auto parsed = core::parse_class_name(*text);
    if (!parsed.name) return tl::unexpected(told(context, "print.error.bad_class", {{"class", *text}}, exit_bad_input));
    return parsed.name;
}

// A refusal of the fund's core functions: exit 2 for bad input, 1 for a rule.
int refused(const CliContext& context, const core::Refusal& refusal) {
    return told(context, refusal.key, app::MessageArgs(refusal.args.begin(), refusal.args.end()),
                refusal.kind == core::RefusalKind::bad_input ? exit_bad_input : exit_refused);
}

// ---- Copy labels -----------------------------------------------------------

// The named layout, else the configured one with the configured margins of its stock.
OrExit<printing::SheetLayout> chosen_layout(const CliContext& context, const std::optional<std::string>& name) {
    const auto& settings = context.config().labels;
    const auto wanted = name.value_or(settings.layout);
    auto layout = printing::label_layout(wanted);
    if (!layout)
        return tl::unexpected(told(context, "print.error.unknown_layout",
                                   {{"layout", wanted}, {"layouts", joined(printing::label_layout_names())}},
                                   exit_bad_input));
    if (wanted != settings.layout) return *layout;
    return printing::with_margins(*layout, {settings.margin_top_mm, settings.margin_left_mm});
}

OrExit<printing::Symbology> chosen_symbology(const CliContext& context, const std::string& name) {
    const auto symbology = printing::symbology_from(name);
    if (!symbology)
        return tl::unexpected(told(context, "print.error.unknown_symbology", {{"symbology", name}}, exit_bad_input));
    return *symbology;
}

bool one_source_of_copies(const CopyLabelArguments& args) {
    const int sources = (args.new_count ? 1 : 0) + (args.codes.empty() ? 0 : 1) + (args.from || args.to ? 1 : 0);
    return sources == 1 && args.from.has_value() == args.to.has_value() && (!args.isbn || args.new_count);
}

std::vector<printing::CopyLabel> copy_labels(const std::vector<core::CopyLabelRecord>& records) {
    std::vector<printing::CopyLabel> labels;
    for (const auto& record : records) labels.push_back({record.code, record.title});
    return labels;
}

OrExit<std::vector<printing::CopyLabel>> new_copy_labels(CliContext& context, const CopyLabelArguments& args) {
    const auto outcome = or_fault(context.library().fund().allocate_inventory_numbers(
        {.count = *args.new_count, .isbn = args.isbn, .now = CliContext::now()}));
    if (outcome.refusal)
        return tl::unexpected(
            told(context, "print.labels." + std::string(to_string(*outcome.refusal)),
                 {{"count", std::to_string(*args.new_count)},
                  {"max", std::to_string(core::max_inventory_request)},
                  {"isbn", args.isbn.value_or("")}},
                 *outcome.refusal == core::InventoryRefusal::numbers_exhausted ? exit_refused : exit_bad_input));
    notes(args.out) << context.tr()(outcome.title.empty() ? "print.labels.allocated" : "print.labels.copies_added",
                                    {{"count", std::to_string(outcome.numbers.size())},
                                     {"first", outcome.numbers.front()},
                                     {"last", outcome.numbers.back()},
                                     {"title", outcome.title}})
                    << '\n';
    std::vector<printing::CopyLabel> labels;
    for (const auto& number : outcome.numbers) labels.push_back({number, outcome.title});
    return labels;
}

OrExit<std::vector<printing::CopyLabel>> stored_copy_labels(CliContext& context, const CopyLabelArguments& args) {
    if (!args.codes.empty()) {
        const auto lookup = or_fault(context.library().fund().copy_labels_by_code(args.codes));
        if (!lookup.unknown.empty())
            return tl::unexpected(
                told(context, "print.labels.unknown_copies", {{"codes", joined(lookup.unknown)}}, exit_bad_input));
        return copy_labels(lookup.found);
    }
    const auto in_range = or_fault(context.library().fund().copy_labels_in_range(*args.from, *args.to));
    if (in_range.empty())
        return tl::unexpected(
            told(context, "print.labels.empty_range", {{"from", *args.from}, {"to", *args.to}}, exit_bad_input));
    return copy_labels(in_range);
}

std::string library_name(const CliContext& context) {
    const auto& configured = context.config().labels.library_name;
    return configured.empty() ? context.config().school.name : configured;
}

// ---- Reader cards ----------------------------------------------------------

OrExit<std::vector<core::ReaderCardRecord>> chosen_readers(CliContext& context, const ReaderCardArguments& args) {
    const int choices = (args.class_name ? 1 : 0) + (args.cards.empty() ? 0 : 1) + (args.all ? 1 : 0);
    if (choices != 1) return tl::unexpected(told(context, "print.cards.choose_readers", {}, exit_bad_input));
    if (args.all) return or_fault(context.library().circulation().all_reader_cards());
    if (!args.cards.empty()) {
        const auto lookup = or_fault(context.library().circulation().reader_cards_by_card(args.cards));
        if (!lookup.unknown.empty())
            return tl::unexpected(
                told(context, "print.cards.unknown_cards", {{"cards", joined(lookup.unknown)}}, exit_bad_input));
        return lookup.found;
    }
    const auto only = class_filter(context, args.class_name);
    if (!only) return tl::unexpected(only.error());
    const auto school_year = or_fault(context.library().year().current(core::local_date(CliContext::now())));
    return or_fault(context.library().circulation().reader_cards_of_class(**only, school_year));
}

printing::ReaderCard reader_card(const core::ReaderCardRecord& reader, const app::Translator& tr) {
    const bool pupil = reader.category == "pupil" && !reader.class_name.empty();
    return {
        reader.card, reader.name,
        pupil ? tr("print.card.class", {{"class", reader.class_name}}) : tr("print.card.category." + reader.category)};
}

// ---- Command sheet ---------------------------------------------------------

constexpr std::pair<core::Command, const char*> station_commands[] = {
    {core::Command::done, "done"},
    {core::Command::mode_self, "mode_self"},
    {core::Command::mode_desk, "mode_desk"},
    {core::Command::mode_return, "mode_return"},
    {core::Command::mode_stocktake, "mode_stocktake"},
    {core::Command::good, "good"},
    {core::Command::worn, "worn"},
    {core::Command::damaged, "damaged"},
    {core::Command::lost, "lost"},
    {core::Command::renew, "renew"},
};

// The sheet is for every station whatever the librarian's language: Kazakh and Russian both.
struct BothLanguages {
    app::Translator kazakh{app::Language::kk};
    app::Translator russian{app::Language::ru};

    std::string both(const std::string& key) const { return kazakh(key) + " / " + russian(key); }
};

std::vector<printing::CommandLabel> command_labels(const core::CodeRules& rules, const BothLanguages& languages) {
    std::vector<printing::CommandLabel> commands;
    for (const auto& [command, name] : station_commands) {
        const std::string key = "print.command." + std::string(name);
        commands.push_back({core::command_code(command, rules), languages.kazakh(key), languages.russian(key)});
    }
    return commands;
}

// ---- Annual report ---------------------------------------------------------

// The figures in the order the report lays them out.
nlohmann::ordered_json annual_json(const core::SchoolYearSpan& year, const core::AnnualFigures& figures) {
    nlohmann::ordered_json out{{"school_year", year.name},
                               {"first_day", core::iso_date(year.first_day)},
                               {"last_day", core::iso_date(year.last_day)}};
    for (const auto& line : core::annual_lines(figures)) {
        if (line.tenge)
            out[std::string(line.key)] = static_cast<double>(line.value) / 100.0;
        else
            out[std::string(line.key)] = line.value;
    }
    return out;
}

}  // namespace

int run_labels_copies(CliContext& context, const CopyLabelArguments& args) {
    if (!one_source_of_copies(args)) return told(context, "print.labels.choose_copies", {}, exit_bad_input);
    const auto layout = chosen_layout(context, args.layout);
    if (!layout) return layout.error();
    const auto symbology = chosen_symbology(context, args.symbology);
    if (!symbology) return symbology.error();
    if (!can_deliver(context, args.out)) return exit_bad_input;
    const auto labels = args.new_count ? new_copy_labels(context, args) : stored_copy_labels(context, args);
    if (!labels) return labels.error();
    const printing::CopyLabelOptions options{.layout = *layout,
                                             .symbology = *symbology,
                                             .library_name = library_name(context),
                                             .document_title = context.tr()("print.labels.document")};
    return deliver(context, args.out, "pdf",
                   [&](const fs::path& path) { return printing::write_copy_labels(path, *labels, options); });
}

int run_labels_readers(CliContext& context, const ReaderCardArguments& args) {
    if (!can_deliver(context, args.out)) return exit_bad_input;
    const auto readers = chosen_readers(context, args);
    if (!readers) return readers.error();
    if (readers->empty()) return told(context, "print.cards.none", {}, exit_bad_input);
    const auto& tr = context.tr();
    std::vector<printing::ReaderCard> cards;
    for (const auto& reader : *readers) cards.push_back(reader_card(reader, tr));
    const auto school_year = or_fault(context.library().year().current(core::local_date(CliContext::now())));
    const printing::ReaderCardOptions options{.school = context.config().school.name,
                                              .heading = tr("print.card.heading"),
                                              .year_line = tr("print.card.year", {{"year", school_year}}),
                                              .document_title = tr("print.cards.document")};
    return deliver(context, args.out, "pdf",
                   [&](const fs::path& path) { return printing::write_reader_cards(path, cards, options); });
}

int run_labels_commands(CliContext& context, const std::optional<std::string>& out) {
    if (!can_deliver(context, out)) return exit_bad_input;
    const BothLanguages languages;
    const auto commands = command_labels(context.config().rules.codes, languages);
    const printing::CommandSheetOptions options{.heading = languages.both("print.commands.heading"),
                                                .school = context.config().school.name,
                                                .document_title = context.tr()("print.commands.document")};
    return deliver(context, out, "pdf",
                   [&](const fs::path& path) { return printing::write_command_sheet(path, commands, options); });
}

int run_report_annual(CliContext& context, const AnnualArguments& args) {
    const auto today = core::local_date(CliContext::now());
    const auto year = core::school_year_span(args.year.value_or(core::school_year_of(today)));
    if (!year) return told(context, "print.annual.bad_year", {{"year", args.year.value_or("")}}, exit_bad_input);
    if (args.format == "json")
        return write_report(context.tr(), args.out,
                            annual_json(*year, or_fault(context.library().reports().annual(*year))).dump(2) + "\n")
                   ? exit_done
                   : exit_bad_input;
    if (!can_deliver(context, args.out)) return exit_bad_input;
    const auto previous = core::previous_year_span(*year);
    const printing::AnnualComparison years{*year, or_fault(context.library().reports().annual(*year)), previous,
                                           or_fault(context.library().reports().annual(previous))};
    return write_document(context, printing::annual_document(years, report_context(context)), args.format, args.out);
}

bool is_document_format(const std::string& format) { return format == "pdf" || format == "xlsx"; }

int run_provision_document(CliContext& context, const ReportArguments& args) {
    const auto only = class_filter(context, args.class_name);
    if (!only) return only.error();
    if (!can_deliver(context, args.out)) return exit_bad_input;
    const auto report = or_fault(context.library().textbooks().provision(*only, core::local_date(CliContext::now())));
    return write_document(context, printing::provision_document(report, report_context(context)), args.format,
                          args.out);
}

int run_debtors_document(CliContext& context, const ReportArguments& args) {
    const auto only = class_filter(context, args.class_name);
    if (!only) return only.error();
    const auto as_of = args.as_of ? core::parse_iso_date(*args.as_of) : core::local_date(CliContext::now());
    if (!as_of) return told(context, "print.error.bad_date", {{"date", *args.as_of}}, exit_bad_input);
    if (!can_deliver(context, args.out)) return exit_bad_input;
    const auto classes = or_fault(context.library().textbooks().debtors(*only, *as_of));
    return write_document(context, printing::debtors_document(classes, *as_of, report_context(context)), args.format,
                          args.out);
}

int run_clearance_document(CliContext& context, const std::string& card, const std::string& format,
                           const std::optional<std::string>& out) {
    const auto clearance = or_fault(context.library().circulation().clearance(card));
    if (!clearance) return told(context, "cli.reader.unknown", {{"card", card}}, exit_bad_input);
    if (!can_deliver(context, out)) return exit_bad_input;
    return write_document(context, printing::clearance_document(*clearance, report_context(context)), format, out);
}

int run_act_document(CliContext& context, const std::string& number, const std::string& format,
                     const std::optional<std::string>& out) {
    const auto act = or_fault(context.library().fund().writeoff_act_sheet(number));
    if (!act) return told(context, "print.act.unknown", {{"act", number}}, exit_bad_input);
    if (!can_deliver(context, out)) return exit_bad_input;
    return write_document(context, printing::writeoff_act_document(*act, report_context(context)), format, out);
}

int run_register_document(CliContext& context, const YearArguments& args) {
    if (!can_deliver(context, args.out)) return exit_bad_input;
    const auto today = core::local_date(CliContext::now());
    const auto report = or_fault(
        context.library().reports().register_of(args.year.value_or(or_fault(context.library().year().current(today)))));
    if (!report) return refused(context, report.error());
    return write_document(context, printing::register_document(*report, report_context(context)), args.format,
                          args.out);
}

int run_order_document(CliContext& context, const YearArguments& args) {
    if (!can_deliver(context, args.out)) return exit_bad_input;
    const auto today = core::local_date(CliContext::now());
    const auto report =
        or_fault(context.library().reports().order({.for_year = args.for_year, .grade1 = args.grade1, .today = today}));
    if (!report) return refused(context, report.error());
    return write_document(context, printing::order_document(*report, report_context(context)), args.format, args.out);
}

int run_stocktake_finish_document(CliContext& context, const YearArguments& args) {
    if (!can_deliver(context, args.out)) return exit_bad_input;  // before the stocktake is closed for good
    const auto report = or_fault(context.library().stocktake().finish({.at = CliContext::now()}));
    if (!report) return refused(context, report.error());
    return write_document(context, printing::stocktake_document(*report, report_context(context)), args.format,
                          args.out);
}

}  // namespace kitap::cli
