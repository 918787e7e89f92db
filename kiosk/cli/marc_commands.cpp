#include "kiosk/cli/marc_commands.hpp"

#include "core/codes/check_digits.hpp"
#include "core/import/import_limits.hpp"
#include "core/text/control_chars.hpp"
#include "kiosk/answers/catalog_fetch_answers.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/marc/catalog_fetch.hpp"
#include "kiosk/marc/catalog_mapping.hpp"
#include "kiosk/marc/marc_reader.hpp"
#include "kiosk/marc/marc_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <set>

namespace kitap::cli {
namespace {

using nlohmann::json;

std::string reason(const CliContext& context, const core::ImportProblem& problem) {
    return context.tr()(problem.key, app::MessageArgs(problem.args.begin(), problem.args.end()));
}

// FILE:record N: reason; FILE: reason for the whole file.
std::string place(const std::string& file, const core::ImportProblem& problem) {
    return problem.line == 0 ? file : file + ":record " + std::to_string(problem.line);
}

// The file, read as it streams past (a pipe has no size to ask for), never past the import limit.
std::optional<std::string> read_file(const CliContext& context, const std::string& file) {
    constexpr auto limit = core::import_limits::max_file_bytes;
    std::ifstream in(file, std::ios::binary);
    std::string bytes;
    std::array<char, 1 << 16> chunk;
    while (in && bytes.size() <= limit && (in.read(chunk.data(), chunk.size()) || in.gcount() > 0))
        bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    if (!in && !in.eof()) {
        std::cerr << file << ": " << context.tr()("marc.error.cannot_read") << '\n';
        return std::nullopt;
    }
    if (bytes.size() > limit) {
        std::cerr << file << ": "
                  << context.tr()("import.error.file_too_large", {{"size", "> " + std::to_string(limit)},
                                                                  {"max", std::to_string(limit)},
                                                                  {"max_mb", std::to_string(limit >> 20)}})
                  << '\n';
        return std::nullopt;
    }
    return bytes;
}

// ---- kitap import marc -----------------------------------------------------

struct ImportOutcome {
    marc::MappedRecords mapped;
    core::CatalogRecordsResult result;
    std::vector<core::ImportProblem> problems;  // the file's and the database's, by record
    bool refused = false;                       // nothing written because of them
};

ImportOutcome import_records(CliContext& context, marc::MappedRecords mapped, const MarcArguments& args) {
    // A bad record in the file refuses the import: the good ones are still checked
    // against the database, so every problem is reported at once.
    const bool refused_by_file = !mapped.problems.empty() && !args.skip_bad;
    auto result = or_fault(context.library().imports().catalog_records(
        mapped.records,
        {.dry_run = args.dry_run || refused_by_file, .skip_bad = args.skip_bad, .now = CliContext::now()}));
    ImportOutcome outcome{.mapped = std::move(mapped), .result = std::move(result)};
    outcome.problems = outcome.mapped.problems;
    outcome.problems.insert(outcome.problems.end(), outcome.result.problems.begin(), outcome.result.problems.end());
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    outcome.refused = !outcome.problems.empty() && !args.skip_bad;
    if (outcome.refused) outcome.result = {.records = outcome.result.records};
    return outcome;
}

std::size_t skipped(const ImportOutcome& outcome) {
    return outcome.refused ? 0 : outcome.mapped.problems.size() + outcome.result.skipped;
}

json import_json(const CliContext& context, const ImportOutcome& outcome) {
    auto errors = json::array();
    for (const auto& problem : outcome.problems)
        errors.push_back({{"record", problem.line}, {"reason", reason(context, problem)}});
    return {{"records", outcome.mapped.count},
            {"titles_added", outcome.result.titles_added},
            {"titles_updated", outcome.result.titles_updated},
            {"copies_added", outcome.result.copies_added},
            {"skipped", skipped(outcome)},
            {"errors", errors}};
}

// Problems on stderr; the counts as text or JSON; exit 2 when the import was refused.
int report_import(const CliContext& context, const std::string& source, const ImportOutcome& outcome,
                  const MarcArguments& args) {
    const auto& tr = context.tr();
    for (const auto& problem : outcome.problems)
        std::cerr << place(source, problem) << ": " << reason(context, problem) << '\n';
    if (args.json) {
        print_json(import_json(context, outcome));
    } else if (outcome.refused) {
        std::cerr << tr("marc.import.refused", {{"count", std::to_string(outcome.problems.size())}}) << '\n';
    } else {
        std::cout << tr("marc.import.summary", {{"file", source},
                                                {"records", std::to_string(outcome.mapped.count)},
                                                {"added", std::to_string(outcome.result.titles_added)},
                                                {"updated", std::to_string(outcome.result.titles_updated)},
                                                {"copies", std::to_string(outcome.result.copies_added)},
                                                {"skipped", std::to_string(skipped(outcome))}})
                  << '\n';
        if (args.dry_run) std::cout << tr("import.dry_run") << '\n';
    }
    return outcome.refused ? exit_bad_input : exit_done;
}

int run_import_marc(CliContext& context, const MarcArguments& args) {
    const auto bytes = read_file(context, args.file);
    if (!bytes) return exit_bad_input;
    const auto read = marc::read_marc(
        *bytes, {.format = *marc::marc_format_from(args.format), .encoding = *marc::marc_encoding_from(args.encoding)});
    auto mapped = marc::map_records(read, *marc::marc_flavour_from(args.flavour));
    return report_import(context, args.file, import_records(context, std::move(mapped), args), args);
}

// ---- kitap export marc -----------------------------------------------------

int run_export_marc(CliContext& context, const MarcArguments& args) {
    const auto titles = or_fault(context.library().imports().catalog_export());
    const auto flavour = *marc::marc_flavour_from(args.export_flavour);
    std::vector<marc::MarcRecord> records;
    records.reserve(titles.size());
    std::size_t copies = 0;
    for (const auto& title : titles) {
        records.push_back(marc::to_marc(title, flavour));
        copies += title.holdings.size();
    }
    const auto output = args.export_format == "iso2709" ? marc::MarcOutput::iso2709 : marc::MarcOutput::marcxml;
    const auto bytes = marc::write_marc(records, output);
    if (!bytes) {
        std::cerr << context.tr()("marc.export.too_large", {{"title", titles[bytes.error().index].description.title}})
                  << '\n';
        return exit_refused;
    }
    if (!args.out) {
        std::cout << *bytes;
        return exit_done;
    }
    std::ofstream out(*args.out, std::ios::binary | std::ios::trunc);
    out << *bytes;
    out.close();
    if (!out) {
        std::cerr << *args.out << ": " << context.tr()("marc.error.cannot_write") << '\n';
        return exit_fault;
    }
    std::cerr << context.tr()("marc.export.done", {{"file", *args.out},
                                                   {"titles", std::to_string(titles.size())},
                                                   {"copies", std::to_string(copies)}})
              << '\n';
    return exit_done;
}

// ---- kitap catalog fetch ---------------------------------------------------

// A server's text goes to the terminal only as core::printable makes it.
void print_fetched(const std::vector<core::CatalogRecord>& records) {
    for (const auto& record : records) {
        const auto& d = record.description;
        std::cout << core::printable(d.title);
        if (!d.authors.empty()) std::cout << " — " << core::printable(d.authors);
        if (d.year) std::cout << " (" << *d.year << ')';
        if (d.isbn) std::cout << " ISBN " << *d.isbn;
        std::cout << '\n';
    }
}

// The first record, as the catalogue's entry for the book in hand: the ISBN it was
// found by when the record gives none.
int import_fetched(CliContext& context, const std::string& server, core::CatalogRecord record, const std::string& isbn,
                   const MarcArguments& args) {
    if (!record.description.isbn) record.description.isbn = isbn;
    record.number = 1;
    marc::MappedRecords mapped{.records = {std::move(record)}, .count = 1};
    const auto outcome = import_records(context, std::move(mapped), args);
    if (args.json) {
        for (const auto& problem : outcome.problems)
            std::cerr << place(server, problem) << ": " << reason(context, problem) << '\n';
        return outcome.refused ? exit_bad_input : exit_done;
    }
    return report_import(context, server, outcome, args);
}

// --server, else the configuration's [catalogue] servers, asked in turn until one has a record.
int run_catalog_fetch(CliContext& context, const MarcArguments& args) {
    const auto& tr = context.tr();
    const auto isbn = core::normalize_isbn(args.isbn);
    if (!isbn) {
        std::cerr << tr("import.error.bad_isbn", {{"value", args.isbn}}) << '\n';
        return exit_bad_input;
    }
    const auto servers = args.server ? std::vector{*args.server} : context.config().catalogue_servers;
    if (servers.empty()) {
        std::cerr << tr("marc.fetch.no_server") << '\n';
        return exit_bad_input;
    }
    const auto fetched = marc::fetch_by_isbn(servers, *isbn);
    for (const auto& failure : fetched.failures)
        std::cerr << tr("marc.fetch.failed", {{"server", failure.server}, {"reason", failure.reason}}) << '\n';
    for (const auto& [server, problem] : fetched.problems)
        std::cerr << place(server, problem) << ": " << reason(context, problem) << '\n';
    if (!fetched.answered()) return exit_refused;  // no server could be asked
    const auto& records = fetched.records;
    if (args.json)
        print_json(answers::fetched_json(fetched));
    else if (records.empty())
        std::cerr << tr("marc.fetch.none", {{"server", fetched.server}, {"isbn", *isbn}}) << '\n';
    else
        print_fetched(records);
    if (records.empty()) return exit_refused;
    if (args.import) return import_fetched(context, fetched.server, records.front(), *isbn, args);
    return exit_done;
}

}  // namespace

void add_marc_commands(CLI::App& app, MarcArguments& args,
                       const std::function<std::function<void()>(std::function<int(CliContext&)>)>& chosen) {
    auto* import = app.get_subcommand("import")->add_subcommand(
        "marc", "Import catalogue records (MARC 21 or UNIMARC/RUSMARC; ISO 2709 or MARCXML) with their copies");
    import->add_option("FILE", args.file, "An ISO 2709 (.mrc, .iso) or MARCXML file")->required();
    import->add_option("--format", args.format, "auto, iso2709 or marcxml")
        ->check(CLI::IsMember({"auto", "iso2709", "marcxml"}))
        ->capture_default_str();
    import->add_option("--flavour", args.flavour, "auto, marc21 or unimarc (RUSMARC)")
        ->check(CLI::IsMember({"auto", "marc21", "unimarc"}))
        ->capture_default_str();
    import->add_option("--encoding", args.encoding, "ISO 2709's encoding: auto, utf-8, cp1251 or marc-8")
        ->check(CLI::IsMember({"auto", "utf-8", "cp1251", "marc-8"}))
        ->capture_default_str();
    import->add_flag("--dry-run", args.dry_run, "Check and count without writing");
    import->add_flag("--skip-bad", args.skip_bad, "Import the good records and list the others");
    import->add_flag("--json", args.json, "Print the counts as JSON");
    import->callback(chosen([&args](CliContext& c) { return run_import_marc(c, args);
}));

auto* exports = app.add_subcommand("export", "Write the catalogue out for a union catalogue or another system");
exports->require_subcommand(1);
auto* export_marc = exports->add_subcommand("marc", "The catalogue with its copies as MARC records");
export_marc->add_option("--format", args.export_format, "marcxml or iso2709")
    ->check(CLI::IsMember({"marcxml", "iso2709"}))
    ->capture_default_str();
export_marc->add_option("--flavour", args.export_flavour, "marc21 (copies in 952) or unimarc (copies in 899)")
    ->check(CLI::IsMember({"marc21", "unimarc"}))
    ->capture_default_str();
export_marc->add_option("--out", args.out, "Write to this file (else standard output)");
export_marc->callback(chosen([&args](CliContext& c) { return run_export_marc(c, args); }));

auto* fetch = app.get_subcommand("catalog")
                  -> add_subcommand("fetch", "Find a book's record on a Z39.50 server by its ISBN (copy cataloguing)");
fetch->add_option("--isbn", args.isbn, "The book's ISBN-13 or ISBN-10")->required();
fetch->add_option("--server", args.server,
                  "HOST:PORT/DATABASE of the Z39.50 server (else those of [catalogue] servers, in turn)");
fetch->add_flag("--import", args.import, "Add (or update) the first record found in the catalogue");
fetch->add_flag("--json", args.json, "Print JSON");
fetch->callback(chosen([&args](CliContext& c) { return run_catalog_fetch(c, args); }));
}  // namespace kitap::cli

}  // namespace kitap::cli
