#include "core/calendar.hpp"
#include "core/import/catalog_import.hpp"
#include "core/import/reader_import.hpp"
#include "core/textbooks/curriculum.hpp"
#include "core/year/school_years.hpp"
#include "kiosk/cli/commands.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace kitap::cli {
namespace {

std::optional<std::string> read_file(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
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
int run_import(const std::string& file, Import import) {
    const auto bytes = read_file(file);
    if (!bytes) {
        std::cerr << file << ": cannot read the file\n";
        return exit_bad_input;
    }
    return import(*bytes);
}

}  // namespace

int run_import_readers(CliContext& context, const std::string& file, bool dry_run) {
    return run_import(file, [&](const std::string& bytes) {
        const core::ReaderImportOptions options{.default_language = context.config().rules.default_class_language,
                                                .school_year = core::current_school_year(context.db(), core::local_date(CliContext::now())),
                                                .dry_run = dry_run,
                                                .now = CliContext::now()};
        return report(context, file, core::import_readers(context.db(), bytes, options), dry_run);
    });
}

int run_import_catalog(CliContext& context, const std::string& file, bool dry_run) {
    return run_import(file, [&](const std::string& bytes) {
        const core::CatalogImportOptions options{.dry_run = dry_run, .now = CliContext::now()};
        return report(context, file, core::import_catalog(context.db(), bytes, options), dry_run);
    });
}

int run_import_curriculum(CliContext& context, const std::string& file, bool dry_run) {
    return run_import(file, [&](const std::string& bytes) {
        const core::CurriculumImportOptions options{.dry_run = dry_run, .now = CliContext::now()};
        return report(context, file, core::import_curriculum(context.db(), bytes, options), dry_run);
    });
}

}  // namespace kitap::cli
