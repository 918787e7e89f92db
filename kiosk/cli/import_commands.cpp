#include "core/calendar.hpp"
#include "core/import/catalog_import.hpp"
#include "core/import/cell_checks.hpp"
#include "core/import/import_limits.hpp"
#include "core/import/reader_import.hpp"
#include "core/textbooks/curriculum.hpp"
#include "core/year/school_years.hpp"
#include "kiosk/cli/commands.hpp"

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

// Every problem as FILE:LINE: reason on stderr, then the summary; exit 2 when
// anything was wrong (and then nothing was written).
int report(CliContext& context, const std::string& file, const core::ImportResult& result, bool dry_run) {
    const auto& tr = context.tr();
    for (const auto& problem : result.problems) {
        app::MessageArgs args(problem.args.begin(), problem.args.end());
        std::cerr << file << ':' << problem.line << ": " << tr(problem.key, args) << '\n';
    }
    if (!result.ok()) {
        std::cerr << tr("import.failed", {{"count", std::to_string(result.problems.size())}}) << '\n';
        return exit_bad_input;
    }
    std::cout << tr("import.summary", {{"file", file},
                                       {"rows", std::to_string(result.rows)},
                                       {"added", std::to_string(result.added)},
                                       {"updated", std::to_string(result.updated)},
                                       {"unchanged", std::to_string(result.unchanged)}})
              << '\n';
    if (dry_run) std::cout << tr("import.dry_run") << '\n';
    return exit_done;
}

template <typename Import>
int run_import(CliContext& context, const std::string& file, bool dry_run, Import import) {
    const auto read = read_import_file(file);
    if (!read) {
        std::cerr << file << ": cannot read the file\n";
        return exit_bad_input;
    }
    if (auto too_large = core::file_size_problem(read->size))
        return report(context, file, core::ImportResult{.problems = {*too_large}}, dry_run);
    return import(read->bytes);
}

}  // namespace

int run_import_readers(CliContext& context, const std::string& file, bool dry_run) {
    return run_import(context, file, dry_run, [&](const std::string& bytes) {
        const core::ReaderImportOptions options{.default_language = context.config().rules.default_class_language,
                                                .school_year = core::current_school_year(context.db(), core::local_date(CliContext::now())),
                                                .dry_run = dry_run,
                                                .now = CliContext::now()};
        return report(context, file, core::import_readers(context.db(), bytes, options), dry_run);
    });
}

int run_import_catalog(CliContext& context, const std::string& file, bool dry_run) {
    return run_import(context, file, dry_run, [&](const std::string& bytes) {
        const core::CatalogImportOptions options{.dry_run = dry_run, .now = CliContext::now()};
        return report(context, file, core::import_catalog(context.db(), bytes, options), dry_run);
    });
}

int run_import_curriculum(CliContext& context, const std::string& file, bool dry_run) {
    return run_import(context, file, dry_run, [&](const std::string& bytes) {
        const core::CurriculumImportOptions options{.dry_run = dry_run, .now = CliContext::now()};
        return report(context, file, core::import_curriculum(context.db(), bytes, options), dry_run);
    });
}

}  // namespace kitap::cli
