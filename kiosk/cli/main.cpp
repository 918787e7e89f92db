// kitap: the librarian's and scripts' command-line tool. Every command drives
// the same core as the kiosk; this file only wires arguments to commands.
#include "core/db/database.hpp"
#include "kiosk/cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>

#include <functional>
#include <iostream>

namespace {

using namespace kitap::cli;
using Command = std::function<int(CliContext&)>;

struct Arguments {
    GlobalOptions global;
    std::uint32_t seed = 1;
    std::string file;
    bool dry_run = false;
    std::string mode = "self";
    std::string station = "cli";
    std::vector<std::string> codes;
    std::string code;
    bool json = false;
};

void add_commands(CLI::App& app, Arguments& args, Command& command) {
    auto chosen = [&command](Command chosen_command) { return [&command, chosen_command] { command = chosen_command; }; };

    app.add_subcommand("init", "Create the database or bring it to the current schema")
        ->callback(chosen([](CliContext& c) { return run_init(c); }));

    auto* demo = app.add_subcommand("demo", "Fill an empty database with a demo school");
    demo->add_option("--seed", args.seed, "Seed for the generated school")->capture_default_str();
    demo->callback(chosen([&args](CliContext& c) { return run_demo(c, args.seed); }));

    auto* import = app.add_subcommand("import", "Import readers or the catalogue from CSV");
    import->require_subcommand(1);
    for (const auto& [name, run] : {std::pair{"readers", &run_import_readers}, std::pair{"catalog", &run_import_catalog}}) {
        auto* sub = import->add_subcommand(name, std::string("Import ") + name + " from a CSV/TSV file");
        sub->add_option("FILE", args.file, "The file")->required();
        sub->add_flag("--dry-run", args.dry_run, "Check and report without writing");
        sub->callback(chosen([&args, run = run](CliContext& c) { return run(c, args.file, args.dry_run); }));
    }

    auto* scan = app.add_subcommand("scan", "Pass codes through a station: arguments, or stdin one per line");
    scan->add_option("--mode", args.mode, "self (a pupil at the kiosk) or desk (the librarian)")
        ->check(CLI::IsMember({"self", "desk"}))
        ->capture_default_str();
    scan->add_option("--station", args.station, "Station name recorded with every change")->capture_default_str();
    scan->add_option("CODE", args.codes, "Scanned codes");
    scan->callback(chosen([&args](CliContext& c) { return run_scan(c, args.mode, args.station, args.codes); }));

    auto* reader = app.add_subcommand("reader", "Show a reader and what they hold");
    reader->add_option("CARD", args.code, "Reader card number")->required();
    reader->add_flag("--json", args.json, "Print JSON");
    reader->callback(chosen([&args](CliContext& c) { return run_reader(c, args.code, args.json); }));

    auto* item = app.add_subcommand("item", "Show a copy (inventory barcode) or a title (ISBN)");
    item->add_option("CODE", args.code, "Barcode or ISBN")->required();
    item->add_flag("--json", args.json, "Print JSON");
    item->callback(chosen([&args](CliContext& c) { return run_item(c, args.code, args.json); }));

    auto* stats = app.add_subcommand("stats", "The library at a glance");
    stats->add_flag("--json", args.json, "Print JSON");
    stats->callback(chosen([&args](CliContext& c) { return run_stats(c, args.json); }));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Kitap: the school library's circulation tool", "kitap"};
    Arguments args;
    Command command;
    app.add_option("--db", args.global.db, "Database file (else $KITAP_DB, else $XDG_DATA_HOME/kitap/kitap.db)");
    app.add_option("--lang", args.global.lang, "Language of messages: kk, ru or en (else from LANG)")
        ->check(CLI::IsMember({"kk", "ru", "en"}));
    app.add_option("--config", args.global.config, "Configuration file (TOML)");
    app.require_subcommand(1);
    add_commands(app, args, command);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? exit_done : exit_bad_input;
    }
    try {
        CliContext context(args.global);
        return command(context);
    } catch (const kitap::app::ConfigError& e) {
        std::cerr << e.what() << '\n';
        return exit_bad_input;
    } catch (const kitap::core::DatabaseError& e) {
        std::cerr << e.what() << '\n';
        return exit_fault;
    } catch (const SQLite::Exception& e) {
        std::cerr << "database fault: " << e.what() << '\n';
        return exit_fault;
    }
}
