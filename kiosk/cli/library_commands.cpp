#include "core/audit/librarian_action.hpp"
#include "core/db/backup.hpp"
#include "core/db/backup_rotation.hpp"
#include "core/db/database.hpp"
#include "core/db/private_files.hpp"
#include "core/demo/demo_samples.hpp"
#include "core/demo/demo_school.hpp"
#include "kiosk/cli/commands.hpp"

#include <SQLiteCpp/Transaction.h>

#include <iostream>

namespace kitap::cli {
namespace {

// The audit names the file as a full path: a relative one says nothing a month later.
void record(CliContext& context, core::LibrarianActionKind action, const std::filesystem::path& file) {
    core::LibraryStore store(context.db());
    core::record_librarian_action(store, {.at = CliContext::now(),
                                          .station = "cli",
                                          .action = action,
                                          .detail = std::filesystem::absolute(file).string()});
}

// Codes to try first, so a new user can walk through a visit without a scanner.
void print_samples(CliContext& context, const core::DemoSamples& samples) {
    const auto& tr = context.tr();
    const std::pair<const char*, const std::optional<std::string>*> rows[] = {
        {"cli.demo.sample.pupil", &samples.pupil_card},
        {"cli.demo.sample.overdue_pupil", &samples.overdue_pupil_card},
        {"cli.demo.sample.teacher", &samples.teacher_card},
        {"cli.demo.sample.free_copy", &samples.free_copy},
        {"cli.demo.sample.borrowed_copy", &samples.borrowed_copy},
        {"cli.demo.sample.textbook", &samples.textbook_isbn},
        {"cli.demo.sample.pupil_without_set", &samples.pupil_without_set_card},
        {"cli.demo.sample.class_without_set", &samples.class_without_set},
        {"cli.demo.sample.missing_textbook", &samples.missing_textbook_isbn},
    };
    std::cout << tr("cli.demo.samples") << '\n';
    for (const auto& [key, code] : rows)
        if (*code) std::cout << "  " << **code << "  " << tr(key) << '\n';
}

}  // namespace

int run_init(CliContext& context) {
    const int version = core::schema_version(context.db());
    std::cout << context.tr()("cli.init.done",
                              {{"path", context.db_path().string()}, {"version", std::to_string(version)}})
              << '\n';
    return exit_done;
}

int run_demo(CliContext& context, std::uint32_t seed, int years_of_history) {
    auto& db = context.db();
    const std::string path = context.db_path().string();
    if (!core::library_is_empty(db)) {
        std::cerr << context.tr()("cli.demo.not_empty", {{"path", path}}) << '\n';
        return exit_refused;
    }
    const auto summary =
        core::fill_demo_school(db, {.seed = seed, .years_of_history = years_of_history, .now = CliContext::now()});
    std::cout << context.tr()("cli.demo.done", {{"path", path},
                                                {"readers", std::to_string(summary.readers)},
                                                {"classes", std::to_string(summary.classes)},
                                                {"titles", std::to_string(summary.titles)},
                                                {"copies", std::to_string(summary.copies)},
                                                {"stock", std::to_string(summary.title_stock)},
                                                {"loans", std::to_string(summary.loans)},
                                                {"open", std::to_string(summary.open_loans)},
                                                {"overdue", std::to_string(summary.overdue_loans)},
                                                {"visits", std::to_string(summary.visits)}})
              << '\n';
    print_samples(context, core::find_demo_samples(db, core::local_date(CliContext::now())));
    return exit_done;
}

int run_backup(CliContext& context, const BackupArguments& args) {
    const auto& tr = context.tr();
    try {
        if (args.dir) {
            const auto rotation =
                core::backup_with_rotation(context.db(), *args.dir, CliContext::now(), args.retention);
            std::cout << tr("cli.backup.done", {{"path", rotation.written.string()}}) << '\n';
            for (const auto& old : rotation.deleted)
                std::cout << tr("cli.backup.removed", {{"path", old.string()}}) << '\n';
            record(context, core::LibrarianActionKind::backup, rotation.written);
            return exit_done;
        }
        const auto target = args.out
                                ? std::filesystem::path(*args.out)
                                : core::default_backup_path(context.db_path(), core::iso_timestamp(CliContext::now()));
        core::backup_database(context.db(), target);
        record(context, core::LibrarianActionKind::backup, target);
        std::cout << tr("cli.backup.done", {{"path", target.string()}}) << '\n';
        return exit_done;
    } catch (const core::PlantedLinkError& e) {
        std::cerr << tr("cli.backup.planted_link", {{"path", e.path1().string()}}) << '\n';
        return exit_bad_input;
    } catch (const std::filesystem::filesystem_error& e) {
        // A folder that cannot be written (permissions, a full or missing disk): a fault, not bad input.
        std::cerr << e.what() << '\n';
        return exit_fault;
    }
}

int run_restore(CliContext& context, const std::string& file) {
    if (auto problem = core::restore_database(context.db_path(), file)) {
        std::cerr << context.tr()("cli.restore." + std::string(to_string(problem->refusal)),
                                  {{"file", file}, {"detail", problem->detail}})
                  << '\n';
        return problem->refusal == core::RestoreRefusal::kiosk_running ? exit_refused : exit_bad_input;
    }
    record(context, core::LibrarianActionKind::restore, file);  // opens the restored database
    std::cout << context.tr()("cli.restore.done", {{"file", file}, {"path", context.db_path().string()}}) << '\n';
    return exit_done;
}

}  // namespace kitap::cli
