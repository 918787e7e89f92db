// kitap: the librarian's and scripts' command-line tool. Every command drives
// the same core as the kiosk; this file only wires arguments to commands.
#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/cli/commands.hpp"
#include "kiosk/cli/device_commands.hpp"
#include "kiosk/cli/district_commands.hpp"
#include "kiosk/cli/hold_commands.hpp"
#include "kiosk/cli/marc_commands.hpp"
#include "kiosk/cli/print_commands.hpp"
#include "kiosk/cli/station_commands.hpp"
#include "kiosk/cli/textbook_commands.hpp"
#include "kiosk/cli/user_commands.hpp"
#include "kiosk/cli/year_commands.hpp"
#include "kiosk/sip2/serve/sip2_serve.hpp"
#include "kiosk/web/serve.hpp"
#include "kiosk/workbook/workbook.hpp"

#include <CLI/CLI.hpp>

#include <csignal>
#include <functional>
#include <iostream>

namespace {

using namespace kitap::cli;
using Command = std::function<int(CliContext&)>;

struct Arguments {
    GlobalOptions global;
    std::uint32_t seed = 1;
    int years = 1;
    std::string file;
    bool dry_run = false;
    ImportArguments import;
    std::string mode = "self";
    std::string station = "cli";
    std::vector<std::string> codes;
    std::string code;
    std::string pin_card;
    bool json = false;
    std::optional<int> grade;
    std::optional<std::string> language;
    IssueSetArguments issue_set;
    ReturnArguments returned;
    kitap::answers::ReportRequest report;
    kitap::answers::LabelsRequest labels;
    std::string text;
    std::optional<std::string> document_format;
    std::string format = "text";
    std::string annual_format = "json";
    SettleArguments settle;
    std::vector<std::string> specs;
    std::vector<std::string> paths;
    bool stream = false;
    std::optional<std::string> out;
    BackupArguments backup;
    YearArguments year;
    std::optional<std::string> since;
    kitap::web::ServeArguments serve;
    kitap::sip2::Sip2Arguments sip2;
    UserArguments user;
    StationArguments stations;
    MarcArguments marc;
    HoldArguments hold;
    DistrictArguments district;
};

// What every import takes: the file (CSV/TSV or a workbook) and which of its sheets.
void add_import_options(CLI::App* command, ImportArguments& args) {
    command->add_option("FILE", args.file, "A CSV/TSV file or a workbook (.xlsx, .xls, .ods)")->required();
    command->add_flag("--dry-run", args.dry_run, "Check and report without writing; list what was ignored");
    command->add_option("--sheet", args.sheet,
                        "The sheet to import, by name or number (default: the first with a header)");
    command->add_flag("--all-sheets", args.all_sheets, "Import every sheet that has a header, in one transaction");
    command->add_flag("--json", args.json, "Print the counts as JSON");
}

// `kitap reader CARD`, and `kitap reader set-pin CARD` / `clear-pin CARD` / `unblock CARD`: a subcommand
// when one is named (CLI11 runs its callback before the parent's), else the card.
void add_reader_commands(CLI::App& app, Arguments& args, const std::function<std::function<void()>(Command)>& chosen) {
    auto* reader = app.add_subcommand("reader", "Show a reader and what they hold; set or clear their PIN");
    reader->add_option("CARD", args.code, "Reader card number");
    reader->add_flag("--json", args.json, "Print JSON");
    auto* set_pin = reader->add_subcommand(
        "set-pin", "Set the reader's self-service PIN (4-8 digits) from stdin; stored as an argon2id hash");
    auto* clear_pin = reader->add_subcommand("clear-pin", "Remove the reader's self-service PIN");
    auto* unblock = reader->add_subcommand("unblock", "Let self-service take a card a SIP2 terminal blocked again");
    for (auto* card_command : {set_pin, clear_pin, unblock})
        card_command->add_option("CARD", args.pin_card, "Reader card number")->required();
    set_pin->callback(chosen([&args](CliContext& c) { return run_reader_set_pin(c, args.pin_card); }));
    clear_pin->callback(chosen([&args](CliContext& c) { return run_reader_clear_pin(c, args.pin_card); }));
    unblock->callback(chosen([&args](CliContext& c) { return run_reader_unblock(c, args.pin_card); }));
    const auto show = chosen([&args](CliContext& c) { return run_reader(c, args.code, args.json); });
    reader->callback([reader, show] {
        if (!reader->get_subcommands().empty()) return;
        if (reader->count("CARD") == 0) throw CLI::RequiredError("CARD");
        show();
    });
}

void add_textbook_commands(CLI::App& app, Arguments& args,
                           const std::function<std::function<void()>(Command)>& chosen) {
    auto* curriculum = app.add_subcommand("curriculum", "Which textbooks each grade and language gets");
    curriculum->require_subcommand(1);
    auto* import =
        curriculum->add_subcommand("import", "Import curricula (grade, language, isbn, ...), as import curriculum");
    add_import_options(import, args.import);
    import->callback(chosen([&args](CliContext& c) { return run_import_curriculum(c, args.import);
}));
auto* show = curriculum->add_subcommand("show", "Show curricula");
show->add_option("--grade", args.grade, "Grade 0-11")->check(CLI::Range(0, 11));
show->add_option("--language", args.language, "kk or ru")->check(CLI::IsMember({"kk", "ru"}));
show->add_flag("--json", args.json, "Print JSON");
show->callback(chosen([&args](CliContext& c) { return run_curriculum_show(c, args.grade, args.language, args.json); }));

auto* issue = app.add_subcommand("issue-set", "Issue a class its textbook sets from title-level stock");
issue->add_option("--class", args.issue_set.request.class_name, "Class, such as 5Ә")->required();
issue->add_option("--title", args.issue_set.request.isbn, "Only this ISBN of the set");
issue->add_flag("--dry-run", args.issue_set.request.dry_run, "Report without writing");
issue->add_flag("--json", args.issue_set.json, "Print JSON");
issue->callback(chosen([&args](CliContext& c) { return run_issue_set(c, args.issue_set); }));

auto* give_back = app.add_subcommand("return", "Take books back from a reader at the desk");
give_back->add_option("--card", args.returned.request.card, "Reader card")->required();
auto* isbn = give_back->add_option("--isbn", args.returned.request.isbn, "A title-level textbook's ISBN");
give_back->add_option("--copy", args.returned.request.copy, "A labelled copy's barcode")->excludes(isbn);
give_back->add_option("--count", args.returned.request.count, "How many copies of the title")
    ->check(CLI::PositiveNumber);
give_back->add_option("--condition", args.returned.request.condition, "good, worn, damaged or lost")
    ->check(CLI::IsMember({"good", "worn", "damaged", "lost"}));
give_back->add_flag("--json", args.returned.json, "Print JSON");
give_back->callback(chosen([&args](CliContext& c) { return run_return(c, args.returned); }));

auto* settle = app.add_subcommand("settle", "Settle what a reader owes for damaged or lost books");
settle->add_option("CARD", args.settle.request.card, "Reader card")->required();
settle->add_option("--id", args.settle.request.id, "Only this compensation");
settle->add_option("--as", args.settle.request.how, "paid, replaced or waived")
    ->check(CLI::IsMember({"paid", "replaced", "waived"}))
    ->capture_default_str();
settle->add_flag("--json", args.settle.json, "Print JSON");
settle->callback(chosen([&args](CliContext& c) { return run_settle(c, args.settle); }));

auto* clearance = app.add_subcommand("clearance", "What a leaving pupil must return or settle");
clearance->add_option("CARD", args.code, "Reader card")->required();
auto* clearance_json = clearance->add_flag("--json", args.json, "Print JSON");
clearance->add_option("--format", args.document_format, "pdf or xlsx: the clearance sheet as a document")
    ->check(CLI::IsMember({"pdf", "xlsx"}))
    ->excludes(clearance_json);
clearance->add_option("--out", args.out, "Write the document to this file");
clearance->callback(chosen([&args](CliContext& c) {
    args.report.kind = kitap::answers::ReportKind::clearance;
    args.report.card = args.code;
    args.report.format = args.document_format.value_or(args.json ? "json" : "text");
    return run_report(c, args.report, args.out);
}));

auto* report = app.add_subcommand("report", "Reports for the librarian");
report->require_subcommand(1);
auto* provision = report->add_subcommand("provision", "How well each class is provided with its textbooks");
auto* debtors = report->add_subcommand("debtors", "Who holds what past its due date, per class");
for (auto* sub : {provision, debtors}) {
    sub->add_option("--class", args.report.class_name, "Only this class");
    sub->add_option("--format", args.format, "text, json, csv, pdf or xlsx")
        ->check(CLI::IsMember({"text", "json", "csv", "pdf", "xlsx"}))
        ->capture_default_str();
    sub->add_option("--out", args.out, "Write to this file");
}
debtors->add_option("--as-of", args.report.as_of, "Date (YYYY-MM-DD); default today");
for (const auto& [sub, kind] : {std::pair{provision, kitap::answers::ReportKind::provision},
                                std::pair{debtors, kitap::answers::ReportKind::debtors}})
    sub->callback(chosen([&args, kind = kind](CliContext& c) {
        args.report.kind = kind;
        args.report.format = args.format;
        return run_report(c, args.report, args.out);
    }));

auto* annual = report->add_subcommand("annual", "The library's annual statistics, with the year before beside it");
annual->add_option("--year", args.report.year, "School year such as 2023-2024; default: the current one");
annual->add_option("--format", args.annual_format, "json, pdf or xlsx")
    ->check(CLI::IsMember({"json", "pdf", "xlsx"}))
    ->capture_default_str();
annual->add_option("--out", args.out, "Write to this file");
annual->callback(chosen([&args](CliContext& c) {
    args.report.kind = kitap::answers::ReportKind::annual;
    args.report.format = args.annual_format;
    return run_report(c, args.report, args.out);
}));
}  // namespace

void add_label_commands(CLI::App& app, Arguments& args, const std::function<std::function<void()>(Command)>& chosen) {
    auto* labels =
        app.add_subcommand("labels", "Print barcode labels, reader cards and the station command sheet (PDF)");
    labels->require_subcommand(1);

    auto* copies = labels->add_subcommand("copies", "Inventory-number labels for copies");
    auto& copy = args.labels;
    auto* fresh = copies->add_option("--new", copy.new_count, "Allocate this many new inventory numbers")
                      ->check(CLI::Range(1, 10000));
    copies->add_option("--title", copy.isbn, "With --new: make the copies, of this ISBN's title")->needs(fresh);
    auto* listed = copies->add_option("--copy", copy.codes, "Labels for these copies")->excludes(fresh);
    auto* from =
        copies->add_option("--from", copy.from, "Labels for the copies from this number ...")->excludes(fresh, listed);
    auto* to = copies->add_option("--to", copy.to, "... to this one")->excludes(fresh, listed);
    from->needs(to);
    to->needs(from);
    copies->add_option("--symbology", copy.symbology, "code128 or codabar")
        ->check(CLI::IsMember({"code128", "codabar"}))
        ->capture_default_str();
    copies->add_option("--layout", copy.layout, "a4-3x8, a4-4x10, a4-2x7 or roll-58 (else [labels] layout)");
    copies->add_option("--out", args.out, "Write the PDF to this file");

    auto* readers = labels->add_subcommand("readers", "Reader cards, ten to an A4 sheet");
    auto& cards = args.labels;
    auto* by_class = readers->add_option("--class", cards.class_name, "The pupils of this class");
    auto* by_card = readers->add_option("--card", cards.cards, "These readers")->excludes(by_class);
    readers->add_flag("--all", cards.all, "Every active reader")->excludes(by_class, by_card);
    readers->add_option("--out", args.out, "Write the PDF to this file");

    auto* commands = labels->add_subcommand("commands", "The command barcodes the stations understand");
    commands->add_option("--out", args.out, "Write the PDF to this file");
    for (const auto& [sub, kind] : {std::pair{copies, kitap::answers::LabelsKind::copies},
                                    std::pair{readers, kitap::answers::LabelsKind::readers},
                                    std::pair{commands, kitap::answers::LabelsKind::commands}})
        sub->callback(chosen([&args, kind = kind](CliContext& c) {
            args.labels.kind = kind;
            return run_labels(c, args.labels, args.out);
        }));
}

// The year's turn, fund movement, stocktakes, and the register and order reports
// (on the `report` command add_textbook_commands made).
void add_year_commands(CLI::App& app, YearArguments& args,
                       const std::function<std::function<void()>(Command)>& chosen) {
    auto* year = app.add_subcommand("year", "The school year");
    year->require_subcommand(1);
    auto* close = year->add_subcommand("close", "Promote every class, graduate grade 11, close the school year");
    close->add_flag("--dry-run", args.dry_run, "Report what would happen (JSON) without writing");
    close->add_option("--year", args.year, "The school year to close, e.g. 2023-2024 (default: the current one)");
    close->add_flag("--early", args.early, "Close the year before 1 May of its last months");
    close->callback(chosen([&args](CliContext& c) { return run_year_close(c, args); }));

    auto* receive = app.add_subcommand("receive", "Register newly arrived books with their price");
    receive->add_option("--isbn", args.receive.request.isbn, "The catalogued title's ISBN")->required();
    auto* count = receive->add_option("--count", args.receive.request.count, "Title-level copies received")
                      ->check(CLI::PositiveNumber);
    receive->add_option("--copy", args.receive.request.copies, "Inventory numbers of labelled copies, one each")
        ->excludes(count);
    receive->add_option("--price", args.receive.request.price, "Price per copy in tenge (1500, 1 500,50)")->required();
    receive->add_option("--source", args.receive.request.source, "Supplier or waybill, for the register");
    receive->add_option("--date", args.receive.request.date, "Day of arrival, YYYY-MM-DD (default: today)");
    receive->add_option("--shelf", args.receive.request.shelf, "Shelf of the new labelled copies");
    receive->add_flag("--json", args.receive.json, "Print JSON");
    receive->callback(chosen([&args](CliContext& c) { return run_receive(c, args.receive); }));

    auto* writeoff = app.add_subcommand("writeoff", "Write books off on a numbered act");
    writeoff->add_option("--reason", args.writeoff.request.reason, "worn, curriculum, lost or damaged")
        ->required()
        ->check(CLI::IsMember({"worn", "curriculum", "lost", "damaged", "transfer"}));
    writeoff->add_option("--act", args.writeoff.request.act, "Add to this act (default: a new act numbered by year)");
    auto* isbn = writeoff->add_option("--isbn", args.writeoff.request.isbn, "Title-level stock of this ISBN");
    writeoff->add_option("--count", args.writeoff.request.count, "How many title-level copies")
        ->check(CLI::PositiveNumber)
        ->needs(isbn);
    writeoff->add_option("--copy", args.writeoff.request.copies, "Inventory numbers of labelled copies")
        ->excludes(isbn);
    writeoff->add_flag("--json", args.writeoff.json, "Print JSON");
    writeoff->callback(chosen([&args](CliContext& c) { return run_writeoff(c, args.writeoff); }));

    auto* acts = app.add_subcommand("acts", "List the write-off acts, or print one as a document");
    auto* acts_json = acts->add_flag("--json", args.json, "Print JSON");
    auto* act = acts->add_option("--act", args.writeoff.request.act, "The act to print (with --format)");
    auto* act_format = acts->add_option("--format", args.format, "pdf or xlsx: the act as a document")
                           ->check(CLI::IsMember({"pdf", "xlsx"}))
                           ->needs(act)
                           ->excludes(acts_json);
    act->needs(act_format);
    acts->add_option("--out", args.out, "Write the document to this file");
    acts->callback(chosen([&args](CliContext& c) {
        return args.writeoff.request.act.empty()
                   ? run_acts(c, args.json)
                   : run_act_document(c, args.writeoff.request.act, args.format, args.out);
    }));

    auto* report = app.get_subcommand("report");
    auto* register_book = report->add_subcommand("register", "The summary register of the fund for a school year");
    register_book->add_option("--year", args.year, "School year, e.g. 2023-2024 (default: the current one)");
    auto* order = report->add_subcommand("order", "Next year's textbook order from the curriculum and the stock");
    order->add_option("--for-year", args.for_year, "The school year to order for, e.g. 2024-2025")->required();
    order->add_option("--grade1", args.grade1, "Pupils expected in grade 1 (default: as many as this year)");
    register_book->callback(chosen([&args](CliContext& c) {
        return run_report(
            c, {.kind = kitap::answers::ReportKind::fund_register, .format = args.format, .year = args.year}, args.out);
    }));
    order->callback(chosen([&args](CliContext& c) {
        return run_report(c,
                          {.kind = kitap::answers::ReportKind::order,
                           .format = args.format,
                           .for_year = args.for_year,
                           .grade1 = args.grade1},
                          args.out);
    }));

    auto* stocktake = app.add_subcommand("stocktake", "Check the shelves against the records");
    stocktake->require_subcommand(1);
    auto* start = stocktake->add_subcommand("start", "Open a stocktake");
    start->add_option("--scope", args.scope, "all, kind:KIND (kind:textbook) or shelf:NAME")->capture_default_str();
    start->add_flag("--json", args.json, "Print JSON");
    start->callback(chosen([&args](CliContext& c) { return run_stocktake_start(c, args.scope, args.json); }));
    auto* scan = stocktake->add_subcommand("scan", "Record scanned codes: arguments, or stdin one per line");
    scan->add_option("CODE", args.codes, "Scanned codes");
    scan->callback(chosen([&args](CliContext& c) { return run_stocktake_scan(c, args.codes); }));
    auto* finish = stocktake->add_subcommand("finish", "Close the stocktake; report missing and unexpected items");
    finish->callback(chosen([&args](CliContext& c) {
        return is_document_format(args.format) ? run_stocktake_finish_document(c, args) : run_stocktake_finish(c, args);
    }));

    for (auto* sub : {register_book, order, finish}) {
        sub->add_option("--format", args.format, "text, json, csv, pdf or xlsx")
            ->check(CLI::IsMember({"text", "json", "csv", "pdf", "xlsx"}))
            ->capture_default_str();
        sub->add_option("--out", args.out, "Write to this file");
    }
}

void add_commands(CLI::App& app, Arguments& args, Command& command) {
    const std::function<std::function<void()>(Command)> chosen = [&command](Command chosen_command) {
        return std::function<void()>([&command, chosen_command] { command = chosen_command; });
    };
    add_textbook_commands(app, args, chosen);
    add_label_commands(app, args, chosen);
    add_year_commands(app, args.year, chosen);
    add_user_commands(app, args.user, chosen);
    add_station_commands(app, args.stations, chosen);

    app.add_subcommand("init", "Create the database or bring it to the current schema")
        ->callback(chosen([](CliContext& c) { return run_init(c); }));

    auto* demo = app.add_subcommand("demo", "Fill an empty database with a demo school");
    demo->add_option("--seed", args.seed, "Seed for the generated school")->capture_default_str();
    demo->add_option("--years", args.years, "School years of loan history (0: readers and fund only)")
        ->check(CLI::Range(0, 20))
        ->capture_default_str();
    demo->callback(chosen([&args](CliContext& c) { return run_demo(c, args.seed, args.years); }));

    auto* import = app.add_subcommand("import", "Import readers, the catalogue or curricula from CSV or a workbook");
    import->require_subcommand(1);
    for (const auto& [name, run] :
         {std::pair{"readers", &run_import_readers}, std::pair{"catalog", &run_import_catalog},
          std::pair{"curriculum", &run_import_curriculum}}) {
        auto* sub = import->add_subcommand(name, std::string("Import ") + name + " from a CSV/TSV file or a workbook");
        add_import_options(sub, args.import);
        if (std::string_view(name) == "readers")
            sub->add_option("--class", args.import.class_name,
                            "The class of a list without a class column, such as 5Ә");
        sub->callback(chosen([&args, run = run](CliContext& c) { return run(c, args.import); }));
    }

    auto* scan = app.add_subcommand("scan", "Pass codes through a station: arguments, or stdin one per line");
    scan->add_option("--mode", args.mode, "self (a pupil at the kiosk), desk (the librarian), return or stocktake")
        ->check(CLI::IsMember({"self", "desk", "return", "stocktake"}))
        ->capture_default_str();
    scan->add_option("--station", args.station, "Station name recorded with every change")->capture_default_str();
    scan->add_option("CODE", args.codes, "Scanned codes");
    scan->callback(chosen([&args](CliContext& c) { return run_scan(c, args.mode, args.station, args.codes); }));

    add_reader_commands(app, args, chosen);

    auto* item = app.add_subcommand("item", "Show a copy (inventory barcode) or a title (ISBN)");
    item->add_option("CODE", args.code, "Barcode or ISBN")->required();
    item->add_flag("--json", args.json, "Print JSON");
    item->callback(chosen([&args](CliContext& c) { return run_item(c, args.code, args.json); }));

    auto* listen = app.add_subcommand("listen", "Print scans from scanners and cameras as JSON lines (test a scanner)");
    listen
        ->add_option(
            "SPEC", args.specs,
            "pipe:PATH, evdev:PATH|auto, events:FILE, serial:PATH[@BAUD], camera:N|/dev/videoN, video:FILE|FOLDER")
        ->required();
    listen->callback(chosen([&args](CliContext& c) { return run_listen(args.specs, c.config().devices); }));

    auto* decode = app.add_subcommand("decode", "Decode barcodes in images as the kiosk's camera does");
    decode->add_flag("--stream", args.stream, "Run the whole camera pipeline over video files or folders of frames");
    decode->add_option("PATH", args.paths, "Images or folders of images; recordings with --stream")->required();
    decode->callback(
        chosen([&args](CliContext& c) { return run_decode(args.paths, args.stream, c.config().devices); }));

    auto* backup = app.add_subcommand("backup", "A consistent copy of the database, safe while stations write");
    auto* out = backup->add_option("--out", args.backup.out, "Backup file (default: backups/ beside the database)");
    auto* dir = backup->add_option("--dir", args.backup.dir, "Write into this folder, deleting old backups rotated out")
                    ->excludes(out);
    backup->add_option("--keep-daily", args.backup.retention.daily, "With --dir: keep the newest of this many days")
        ->check(CLI::Range(1, 3660))
        ->needs(dir)
        ->capture_default_str();
    backup->add_option("--keep-monthly", args.backup.retention.monthly, "With --dir: and of this many latest months")
        ->check(CLI::Range(0, 1200))
        ->needs(dir)
        ->capture_default_str();
    backup->callback(chosen([&args](CliContext& c) { return run_backup(c, args.backup); }));

    auto* restore = app.add_subcommand("restore", "Replace the database with a checked backup");
    restore->add_option("FILE", args.file, "The backup")->required();
    restore->callback(chosen([&args](CliContext& c) { return run_restore(c, args.file); }));

    auto* librarian = app.add_subcommand("librarian", "The librarian's access to the kiosk");
    librarian->require_subcommand(1);
    librarian
        ->add_subcommand("set-pin",
                         "Set the kiosk's librarian PIN (6-8 digits) from stdin, stored as an argon2id hash; "
                         "ends the keypad's lockout. A 4-5 digit PIN set before still unlocks the kiosk")
        ->callback(chosen([](CliContext& c) { return run_librarian_set_pin(c); }));

    auto* audit = app.add_subcommand("audit", "Every librarian action and override, with station and time");
    audit->add_option("--since", args.since,
                      "From this day (YYYY-MM-DD, local) or time (2026-11-25T09:00:00Z); default: the last 30 days");
    audit->add_flag("--json", args.json, "Print JSON");
    auto* verify = audit->add_subcommand("verify", "Check that no event was changed or deleted (the hash chain)");
    verify->add_flag("--json", args.json, "Print JSON");
    verify->callback(chosen([&args](CliContext& c) { return run_audit_verify(c, args.json); }));
    audit->callback([verify, list = chosen([&args](CliContext& c) { return run_audit(c, args.since, args.json); })] {
        if (!verify->parsed()) list();
    });

    auto* serve =
        app.add_subcommand("serve", "The web console: the librarian's desk, reports and imports in a browser");
    serve->add_option("--listen", args.serve.listen, "HOST:PORT to listen on")->capture_default_str();
    auto* certificate = serve->add_option("--tls-cert", args.serve.tls_certificate,
                                          "Certificate (PEM); default: a self-signed one made beside the database");
    auto* key = serve->add_option("--tls-key", args.serve.tls_key, "The certificate's private key (PEM)");
    certificate->needs(key);
    key->needs(certificate);
    serve->add_flag("--no-tls", args.serve.no_tls, "Plain HTTP, for a reverse proxy or tests: passwords in clear")
        ->excludes(certificate, key);
    serve->callback(chosen([&args](CliContext& c) {
        return kitap::web::serve(args.serve, c.db_path(), c.config(), std::cout, std::cerr);
    }));

    auto* sip2 = app.add_subcommand("sip2", "Serve SIP2 self-check machines (kitap user add NAME --role sip2)");
    sip2->add_option("--listen", args.sip2.listen, "HOST:PORT to listen on")->capture_default_str();
    auto* sip2_certificate =
        sip2->add_option("--tls-cert", args.sip2.tls_certificate, "Certificate (PEM) for TLS; default: plain TCP");
    auto* sip2_key = sip2->add_option("--tls-key", args.sip2.tls_key, "The certificate's private key (PEM)");
    sip2_certificate->needs(sip2_key);
    sip2_key->needs(sip2_certificate);
    sip2->callback(chosen([&args](CliContext& c) {
        return kitap::sip2::serve_sip2(args.sip2, c.db_path(), c.config(), std::cout, std::cerr);
    }));

    auto* readers = app.add_subcommand("readers", "A class's pupils, their class sets and how many books each holds");
    readers->add_option("--class", args.code, "Class, such as 5Ә")->required();
    readers->add_flag("--json", args.json, "Print JSON");
    readers->callback(chosen([&args](CliContext& c) { return run_class_readers(c, args.code, args.json); }));

    auto* catalog = app.add_subcommand("catalog", "The catalogue as everyone may see it");
    catalog->require_subcommand(1);
    auto* search = catalog->add_subcommand("search", "Titles by part of their title, author or ISBN, with free copies");
    search->add_option("TEXT", args.text, "What to look for")->required();
    search->add_flag("--json", args.json, "Print JSON");
    search->callback(chosen([&args](CliContext& c) { return run_catalog_search(c, args.text, args.json); }));

    auto* stats = app.add_subcommand("stats", "The library at a glance");
    stats->add_flag("--json", args.json, "Print JSON");
    stats->callback(chosen([&args](CliContext& c) { return run_stats(c, args.json); }));

    add_marc_commands(app, args.marc, chosen);
    add_hold_commands(app, args.hold, chosen);
    add_district_commands(app, args.district, args.global.lang, chosen);
}

}  // namespace

int main(int argc, char** argv) {
    // A write past the file size limit (RLIMIT_FSIZE) must fail with EFBIG, a database
    // fault the command reports, instead of killing it mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    // A .xls read for a multi-threaded caller (the web console) runs here as a fresh process.
    if (argc >= 2 && argv[1] == kitap::workbook::xls_child_command) kitap::workbook::run_xls_child(argc - 2, argv + 2);
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
    } catch (const StorageFault& e) {
        // What broke (disk_full, locked, newer_schema...) and what the system said about it.
        return kitap::answers::tell_cli(kitap::answers::fault_problem(e.fault()));
    }
}
