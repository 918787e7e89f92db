#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/import_answer.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/cli/commands.hpp"

#include <iostream>

namespace kitap::cli {
namespace {

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

// Every problem as FILE:LINE: reason on stderr, then the summary (or with --json
// the counts); exit 2 when anything was wrong (and then nothing was written). A
// dry run in text also lists what was ignored around the data and where a class came from.
int report(CliContext& context, const ImportArguments& args, const answers::ImportChecked& checked) {
    const auto& tr = context.tr();
    const auto& result = checked.result;
    if (args.dry_run && !args.json) print_all(context, std::cout, args.file, result.notes);
    print_all(context, std::cerr, args.file, result.problems);
    if (!result.ok()) {
        std::cerr << answers::bad_rows_problem(tr, checked).message << '\n';
        return exit_bad_input;
    }
    if (args.json) {
        print_json(answers::import_json(tr, checked));
        return exit_done;
    }
    std::cout << tr("import.summary", {{"file", args.file},
                                       {"rows", std::to_string(result.rows)},
                                       {"added", std::to_string(result.added)},
                                       {"updated", std::to_string(result.updated)},
                                       {"unchanged", std::to_string(result.unchanged)}})
              << '\n';
    if (args.dry_run) std::cout << tr("import.dry_run") << '\n';
    return exit_done;
}

int run_import(CliContext& context, const ImportArguments& args, answers::ImportKind kind) {
    const auto checked = answers::check_and_import(context.library(), {.kind = kind,
                                                                       .file = std::filesystem::path(args.file),
                                                                       .dry_run = args.dry_run,
                                                                       .sheet = args.sheet,
                                                                       .all_sheets = args.all_sheets,
                                                                       .class_name = args.class_name,
                                                                       .now = CliContext::now()});
    if (!checked) return answers::tell_cli(checked.error());
    return report(context, args, *checked);
}

}  // namespace

int run_import_readers(CliContext& context, const ImportArguments& args) {
    return run_import(context, args, answers::ImportKind::readers);
}

int run_import_catalog(CliContext& context, const ImportArguments& args) {
    return run_import(context, args, answers::ImportKind::catalog);
}

int run_import_curriculum(CliContext& context, const ImportArguments& args) {
    return run_import(context, args, answers::ImportKind::curriculum);
}

}  // namespace kitap::cli
