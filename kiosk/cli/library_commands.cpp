#include "kiosk/cli/commands.hpp"

#include <iostream>

namespace kitap::cli {
namespace {

// The audit names the file as a full path: a relative one says nothing a month later.
void record(CliContext& context, core::LibrarianActionKind action, const std::filesystem::path& file) {
    or_fault(context.library().audit().record({.at = CliContext::now(),
                                               .station = "cli",
                                               .action = action,
                                               .detail = std::filesystem::absolute(file).string()}));
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
    const int version = or_fault(context.library().maintenance().schema_version());
    std::cout << context.tr()("cli.init.done",
                              {{"path", context.db_path().string()}, {"version", std::to_string(version)}})
              << '\n';
    return exit_done;
}

int run_demo(CliContext& context, std::uint32_t seed, int years_of_history) {
    auto maintenance = context.library().maintenance();
    const std::string path = context.db_path().string();
    if (!or_fault(maintenance.is_empty())) {
        std::cerr << context.tr()("cli.demo.not_empty", {{"path", path}}) << '\n';
        return exit_refused;
    }
    const auto summary = or_fault(
        maintenance.fill_demo_school({.seed = seed, .years_of_history = years_of_history, .now = CliContext::now()}));
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
    print_samples(context, or_fault(maintenance.demo_samples(core::local_date(CliContext::now()))));
    return exit_done;
}

// A folder that cannot be written (permissions, a full or missing disk) is a fault, not bad input.
int run_backup(CliContext& context, const BackupArguments& args) {
    const auto& tr = context.tr();
    auto maintenance = context.library().maintenance();
    const auto backup = or_fault(
        args.dir ? maintenance.backup_rotated(*args.dir, CliContext::now(), args.retention)
                 : maintenance.backup_to(args.out ? std::filesystem::path(*args.out)
                                                  : core::default_backup_path(context.db_path(),
                                                                              core::iso_timestamp(CliContext::now()))));
    if (backup.planted_link) {
        std::cerr << tr("cli.backup.planted_link", {{"path", backup.planted_link->string()}}) << '\n';
        return exit_bad_input;
    }
    record(context, core::LibrarianActionKind::backup, backup.written);
    std::cout << tr("cli.backup.done", {{"path", backup.written.string()}}) << '\n';
    for (const auto& old : backup.deleted) std::cout << tr("cli.backup.removed", {{"path", old.string()}}) << '\n';
    return exit_done;
}

int run_restore(CliContext& context, const std::string& file) {
    if (auto problem = or_fault(core::Library::restore(context.db_path(), file))) {
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
