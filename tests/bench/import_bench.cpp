#include "tests/bench/import_bench.hpp"

#include "core/db/database.hpp"
#include "core/import/catalog_import.hpp"
#include "core/import/reader_import.hpp"
#include "core/textbooks/curriculum.hpp"
#include "kiosk/workbook/workbook.hpp"
#include "tests/bench/figures.hpp"
#include "tests/kiosk/workbook/support/workbook_files.hpp"
#include "tests/support/cli_run.hpp"
#include "tests/support/school.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace kitap::bench {
namespace {

namespace fs = std::filesystem;

double seconds_of(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

core::Timestamp now_seconds() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

void require_ok(const core::ImportResult& result, std::size_t rows, const char* what) {
    if (result.ok() && result.added == static_cast<int>(rows)) return;
    std::fprintf(stderr, "kitap-bench: %s import failed (%zu problems, %d added)\n", what, result.problems.size(),
                 result.added);
    std::exit(1);
}

constexpr const char* letters[] = {"А", "Ә", "Б", "В", "Г"};

// A city's roster without cards (the office has none yet): every row is matched
// by name and class, in 55 classes that grow with the file.
std::string roster_without_cards(std::size_t rows) {
    std::string csv = "ФИО;Класс\n";
    for (std::size_t i = 0; i < rows; ++i)
        csv += "Қасымов Ерасыл " + std::to_string(i) + ";" + std::to_string(1 + i % 11) + letters[(i / 11) % 5] + "\n";
    return csv;
}

double roster_import_seconds(const fs::path& dir, std::size_t rows) {
    auto db = core::open_database(dir / ("roster-" + std::to_string(rows) + ".db"));
    const auto csv = roster_without_cards(rows);
    core::ImportResult result;
    const double seconds =
        seconds_of([&] { result = core::import_readers(db, csv, {.school_year = "2026-2027", .now = now_seconds()}); });
    require_ok(result, rows, "roster");
    return seconds;
}

// A catalogue of titles without ISBN, one inventory number each.
double catalog_import_seconds(const fs::path& dir, std::size_t rows) {
    auto db = core::open_database(dir / ("catalog-" + std::to_string(rows) + ".db"));
    std::string csv = "Атауы;Авторы;Штрихкод\n";
    for (std::size_t i = 0; i < rows; ++i)
        csv += "Абай жолы. " + std::to_string(i) + " том;Мұхтар Әуезов;" + std::to_string(10000000 + i) + "\n";
    core::ImportResult result;
    const double seconds = seconds_of([&] { result = core::import_catalog(db, csv, {.now = now_seconds()}); });
    require_ok(result, rows, "catalogue");
    return seconds;
}

// A city's curricula: `rows` lines over 12 grades and both languages, each naming a
// title of the catalogue (imported first, not timed) by its ISBN.
double curriculum_import_seconds(const fs::path& dir, std::size_t rows) {
    auto db = core::open_database(dir / ("curriculum-" + std::to_string(rows) + ".db"));
    std::string catalogue = "ISBN;Атауы;Түрі\n";
    std::string curriculum = "Сынып;Тілі;ISBN;Саны\n";
    for (std::size_t i = 0; i < rows; ++i) {
        const auto isbn = testing::TestSchool::isbn(static_cast<int>(i));
        catalogue += isbn + ";Оқулық " + std::to_string(i) + ";оқулық\n";
        curriculum += std::to_string(i % 12) + ";" + (i / 12 % 2 ? "ru" : "kk") + ";" + isbn + ";1\n";
    }
    require_ok(core::import_catalog(db, catalogue, {.now = now_seconds()}), rows, "curriculum's catalogue");
    core::ImportResult result;
    const double seconds =
        seconds_of([&] { result = core::import_curriculum(db, curriculum, {.now = now_seconds()}); });
    require_ok(result, rows, "curriculum");
    return seconds;
}

// The fastest of `runs` imports into fresh databases: other work on the machine
// only ever adds time, so the least is the import's own.
double best_of(int runs, const fs::path& dir, std::size_t rows,
               double (*import_seconds)(const fs::path&, std::size_t)) {
    double best = import_seconds(dir, rows);
    for (int run = 1; run < runs; ++run) {
        const auto again = dir / ("run-" + std::to_string(run));
        fs::create_directories(again);
        best = std::min(best, import_seconds(again, rows));
    }
    return best;
}

// The domain's school: 1,400 pupils in 56 classes of 25, one sheet per class, a
// title row above each list and number-typed cards.
std::string class_sheets_xlsx() {
    testing::XlsxWriter writer;
    for (int c = 0; c < 56; ++c) {
        const auto name = std::to_string(c / 5) + letters[c % 5];  // 0А ... 11А
        auto* sheet = writer.sheet(name);
        worksheet_write_string(sheet, 0, 0, ("Список учащихся " + name + " класса").c_str(), nullptr);
        worksheet_write_string(sheet, 2, 0, "№", nullptr);
        worksheet_write_string(sheet, 2, 1, "ФИО", nullptr);
        worksheet_write_string(sheet, 2, 2, "Номер карты", nullptr);
        for (int p = 0; p < 25; ++p) {
            const auto row = static_cast<lxw_row_t>(3 + p);
            worksheet_write_number(sheet, row, 0, p + 1, nullptr);
            worksheet_write_string(sheet, row, 1, ("Қасымова Әлия " + std::to_string(c * 25 + p)).c_str(), nullptr);
            worksheet_write_number(sheet, row, 2, 31000000 + c * 25 + p, nullptr);
        }
    }
    return writer.bytes();
}

double xlsx_import_seconds(const fs::path& dir) {
    auto db = core::open_database(dir / "roster-xlsx.db");
    const auto bytes = class_sheets_xlsx();
    core::ImportResult result;
    const double seconds = seconds_of([&] {
        auto table = workbook::read_workbook(bytes);
        if (!table) {
            std::fprintf(stderr, "kitap-bench: the workbook was refused: %s\n", table.error().key.c_str());
            std::exit(1);
        }
        result = core::import_readers(
            db, std::move(*table), {.school_year = "2026-2027", .now = now_seconds(), .sheets = {.all_sheets = true}});
    });
    require_ok(result, 1400, "workbook roster");
    return seconds;
}

// `kitap import marc` of a file of `rows` records (each a title with an ISBN and one
// labelled copy), in `format`, timed as the librarian meets it: the whole command.
// The file is the `kitap export marc` of a catalogue imported from CSV first.
double marc_import_seconds(const fs::path& dir, std::size_t rows, const std::string& format) {
    const auto folder = dir / ("marc-" + format);
    fs::create_directories(folder);
    {
        auto db = core::open_database(folder / "source.db");
        std::string csv = "ISBN;Атауы;Авторы;Штрихкод\n";
        for (std::size_t i = 0; i < rows; ++i)
            csv += testing::TestSchool::isbn(static_cast<int>(i)) + ";Қазақ әдебиеті. " + std::to_string(i) +
                   " том;Мұхтар Әуезов;" + std::to_string(10000000 + i) + "\n";
        require_ok(core::import_catalog(db, csv, {.now = now_seconds()}), rows, "MARC source's catalogue");
    }
    const auto kitap = [&](const fs::path& db, std::vector<std::string> args) {
        const auto run = testing::run_kitap(
            {.binary = KITAP_BINARY, .folder = folder, .db = db, .config_home = folder, .args = std::move(args)});
        if (run.exit_code != 0) {
            std::fprintf(stderr, "kitap-bench: kitap %s failed: %s\n", format.c_str(), run.err.c_str());
            std::exit(1);
        }
        return run;
    };
    const auto file = folder / ("catalogue." + format);
    kitap(folder / "source.db", {"export", "marc", "--format", format, "--out", file.string()});
    testing::CliRun run;
    const double seconds = seconds_of([&] {
        run = kitap(folder / "imported.db", {"import", "marc", file.string(), "--json"});
    });
    if (run.parsed().value("copies_added", 0) != static_cast<int>(rows)) {
        std::fprintf(stderr, "kitap-bench: the MARC import added other than %zu copies: %s\n", rows, run.out.c_str());
        std::exit(1);
    }
    return seconds;
}

}  // namespace

void bench_imports(const fs::path& dir, bool quick) {
    const std::size_t rows = quick ? 2000 : 20000;
    const int runs = quick ? 1 : 3;
    const auto figure = [](const char* what, std::size_t rows) {
        return std::string(what) + "_import_" + std::to_string(rows) + "_s";
    };
    const double roster_small = best_of(runs, dir, rows, roster_import_seconds);
    const double roster_large = best_of(runs, dir, 2 * rows, roster_import_seconds);
    print(figure("roster", rows).c_str(), roster_small);
    print(figure("roster", 2 * rows).c_str(), roster_large);
    print("roster_import_scaling_ratio", roster_large / roster_small);
    const double catalog_small = best_of(runs, dir, rows / 2, catalog_import_seconds);
    const double catalog_large = best_of(runs, dir, rows, catalog_import_seconds);
    print(figure("catalog", rows).c_str(), catalog_large);
    print("catalog_import_scaling_ratio", catalog_large / catalog_small);
    const double curriculum_small = best_of(runs, dir, rows / 2, curriculum_import_seconds);
    const double curriculum_large = best_of(runs, dir, rows, curriculum_import_seconds);
    print(figure("curriculum", rows).c_str(), curriculum_large);
    print("curriculum_import_scaling_ratio", curriculum_large / curriculum_small);
    print("roster_import_xlsx_1400_s", xlsx_import_seconds(dir));
    const std::size_t records = quick ? 1000 : 10000;
    std::printf("marc_import_%zu_s: %.3f (target <= 5 for 10000)\n", records,
                marc_import_seconds(dir, records, "iso2709"));
    print(("marc_import_marcxml_" + std::to_string(records) + "_s").c_str(),
          marc_import_seconds(dir, records, "marcxml"));
}

}  // namespace kitap::bench
