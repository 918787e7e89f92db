#include "core/calendar.hpp"
#include "core/import/catalog_import.hpp"
#include "core/import/cell_checks.hpp"
#include "core/import/import_limits.hpp"
#include "core/import/reader_import.hpp"
#include "core/textbooks/curriculum.hpp"
#include "kiosk/cli/commands.hpp"
#include "kiosk/workbook/workbook.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace kitap::cli {
namespace {

struct FileBytes {
    std::string bytes;  // the whole file when it is within the import limit, else a part
    std::size_t size = 0;
};

// A file over the import limit is never held whole: a regular file's size is
// known before reading, a pipe's (or /dev/stdin's) is counted as it streams past.
std::optional<FileBytes> read_import_file(const std::string& file) {
    constexpr std::size_t limit = core::import_limits::max_file_bytes;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    FileBytes read;
    std::error_code error;
    if (std::filesystem::is_regular_file(file, error)) {
        read.size = std::filesystem::file_size(file, error);
        if (!error && read.size > limit) return read;
    }
    read.size = 0;
    std::array<char, 1 << 16> chunk;
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        const auto count = static_cast<std::size_t>(in.gcount());
        if (read.size + count <= limit) read.bytes.append(chunk.data(), count);
        read.size += count;
    }
    if (in.bad()) return std::nullopt;
    return read;
}

// A text file goes to core's CSV reader, a workbook (told by its bytes) to kitap_workbook.
tl::expected<core::SourceTable, std::vector<core::ImportProblem>> read_source(std::string_view bytes) {
    if (workbook::detect_format(bytes) == workbook::FileFormat::text) return core::read_text_table(bytes);
    auto table = workbook::read_workbook(bytes);
    if (!table) return tl::unexpected(std::vector<core::ImportProblem>{{0, table.error().key, table.error().args}});
    return std::move(*table);
}

// FILE:LINE in a text file, FILE:SHEET:ROW in a workbook; the line or row left
// out when the message is about the whole sheet or file.
std::string place(const std::string& file, const core::ImportProblem& problem) {
    auto where = file;
    if (!problem.sheet.empty()) where += ':' + problem.sheet;
    if (problem.line != 0) where += ':' + std::to_string(problem.line);
    return where;
}

void print_all(CliContext& context, std::ostream& out, const std::string& file,
               const std::vector<core::ImportProblem>& problems) {
    for (const auto& problem : problems) {
        app::MessageArgs args(problem.args.begin(), problem.args.end());
        out << place(file, problem) << ": " << context.tr()(problem.key, args) << '\n';
    }
}

// Every problem as FILE:LINE: reason on stderr, then the summary; exit 2 when
// anything was wrong (and then nothing was written). A dry run also lists what
// was ignored around the data and where a class came from.
int report(CliContext& context, const ImportArguments& args, const core::ImportResult& result) {
    const auto& tr = context.tr();
    if (args.dry_run) print_all(context, std::cout, args.file, result.notes);
    print_all(context, std::cerr, args.file, result.problems);
    if (!result.ok()) {
        std::cerr << tr("import.failed", {{"count", std::to_string(result.problems.size())}}) << '\n';
        return exit_bad_input;
    }
    std::cout << tr("import.summary", {{"file", args.file},
                                       {"rows", std::to_string(result.rows)},
                                       {"added", std::to_string(result.added)},
                                       {"updated", std::to_string(result.updated)},
                                       {"unchanged", std::to_string(result.unchanged)}})
              << '\n';
    if (args.dry_run) std::cout << context.tr()("import.dry_run") << '\n';
    return exit_done;
}

template <typename Import>
int run_import(CliContext& context, const ImportArguments& args, Import import) {
    const auto read = read_import_file(args.file);
    if (!read) {
        std::cerr << args.file << ": cannot read the file\n";
        return exit_bad_input;
    }
    if (auto too_large = core::file_size_problem(read->size))
        return report(context, args, core::ImportResult{.problems = {*too_large}});
    auto source = read_source(read->bytes);
    if (!source) return report(context, args, core::ImportResult{.problems = std::move(source.error())});
    return report(context, args, import(std::move(*source)));
}

core::SheetChoice sheet_choice(const ImportArguments& args) {
    return {.sheet = args.sheet, .all_sheets = args.all_sheets};
}

}  // namespace

int run_import_readers(CliContext& context, const ImportArguments& args) {
    return run_import(context, args, [&](core::SourceTable source) {
        const core::ReaderImportOptions options{
            .default_language = context.config().rules.default_class_language,
            .school_year = or_fault(context.library().year().current(core::local_date(CliContext::now()))),
            .dry_run = args.dry_run,
            .now = CliContext::now(),
            .sheets = sheet_choice(args),
            .class_name = args.class_name};
        return or_fault(context.library().imports().readers(std::move(source), options));
    });
}

int run_import_catalog(CliContext& context, const ImportArguments& args) {
    return run_import(context, args, [&](core::SourceTable source) {
        const core::CatalogImportOptions options{
            .dry_run = args.dry_run, .now = CliContext::now(), .sheets = sheet_choice(args)};
        return or_fault(context.library().imports().catalog(std::move(source), options));
    });
}

int run_import_curriculum(CliContext& context, const ImportArguments& args) {
    return run_import(context, args, [&](core::SourceTable source) {
        const core::CurriculumImportOptions options{
            .dry_run = args.dry_run, .now = CliContext::now(), .sheets = sheet_choice(args)};
        return or_fault(context.library().imports().curriculum(std::move(source), options));
    });
}

}  // namespace kitap::cli
