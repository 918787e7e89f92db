#include "core/db/database.hpp"
#include "core/demo/demo_school.hpp"
#include "kiosk/cli/commands.hpp"

#include <SQLiteCpp/Transaction.h>

#include <iostream>

namespace kitap::cli {

int run_init(CliContext& context) {
    const int version = core::schema_version(context.db());
    std::cout << context.tr()("cli.init.done", {{"path", context.db_path().string()}, {"version", std::to_string(version)}})
              << '\n';
    return exit_done;
}

int run_demo(CliContext& context, std::uint32_t seed) {
    auto& db = context.db();
    const std::string path = context.db_path().string();
    if (!core::library_is_empty(db)) {
        std::cerr << context.tr()("cli.demo.not_empty", {{"path", path}}) << '\n';
        return exit_refused;
    }
    const auto summary = core::fill_demo_school(db, {.seed = seed, .years_of_history = 1, .now = CliContext::now()});
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
    return exit_done;
}

}  // namespace kitap::cli
