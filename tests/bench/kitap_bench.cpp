// kitap-bench: circulation speed on a demo library with ten school years of
// history. Prints `name: value` lines. Station latency is compared with a bare
// durable transaction measured in the same run, so the ratio means something
// on a noisy shared machine. Then the kiosk's figures, from the built kitap-kiosk
// under Xvfb (kiosk_bench.hpp), and the camera's.
#include "core/circulation/station.hpp"
#include "core/codes/code_classifier.hpp"
#include "core/db/database.hpp"
#include "core/db/write_transaction.hpp"
#include "core/demo/demo_school.hpp"
#include "core/import/reader_import.hpp"
#include "core/library.hpp"
#include "core/offline/offline_cache.hpp"
#include "core/offline/offline_snapshot.hpp"
#include "core/reports/annual_report.hpp"
#include "core/reports/catalog_search.hpp"
#include "core/reports/label_records.hpp"
#include "core/reports/order_report.hpp"
#include "core/textbooks/class_issuance.hpp"
#include "core/textbooks/textbook_reports.hpp"
#include "core/year/school_years.hpp"
#include "kiosk/print/copy_labels.hpp"
#include "tests/bench/district_bench.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/import_bench.hpp"
#include "tests/bench/kiosk_bench.hpp"
#include "tests/bench/sip2_bench.hpp"
#include "tests/bench/web_bench.hpp"
#include "tests/devices/bench/devices_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace kitap;
using bench::percentile;
using bench::print;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Settings {
    bool quick = false;
    bool imports_only = false;  // --imports: only the imports' figures
    bool kiosk_only = false;    // --kiosk-only: only the kiosk's figures
    bool web_only = false;      // --web-only: the history, the station's figures and the web console's
    int years = 10;
    int samples = 1000;  // p99 of fewer is a handful of outliers (WAL checkpoints) on this noisy machine
    int kiosk_visits = 10;
    std::chrono::milliseconds kiosk_idle{10000};
    fs::path kiosk = KITAP_KIOSK_BINARY;
    fs::path kitap = KITAP_BINARY;
    fs::path dir = fs::temp_directory_path() / ("kitap-bench-" + std::to_string(std::random_device{}()));
};

double seconds_of(const std::function<void()>& work) {
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

core::Timestamp now_seconds() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// Pupils free to borrow: nothing overdue, no book of the main fund out.
std::vector<std::string> free_pupils(SQLite::Database& db, int count) {
    SQLite::Statement query(db, R"(
        SELECT card FROM reader r WHERE status = 'active' AND category = 'pupil'
          AND NOT EXISTS (SELECT 1 FROM loan l JOIN title t ON t.id = l.title_id
                          WHERE l.reader_id = r.id AND l.returned_at IS NULL
                            AND (t.kind <> 'textbook' OR l.due < date('now')))
        ORDER BY id LIMIT ?)");
    query.bind(1, count);
    std::vector<std::string> cards;
    while (query.executeStep()) cards.push_back(query.getColumn(0).getString());
    return cards;
}

// Labelled copies on the shelf, nobody holding them.
std::vector<std::string> shelf_copies(SQLite::Database& db, int count) {
    SQLite::Statement query(db, R"(
        SELECT barcode FROM copy c WHERE status = 'in_fund'
          AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.copy_id = c.id AND l.returned_at IS NULL)
        ORDER BY id LIMIT ?)");
    query.bind(1, count);
    std::vector<std::string> barcodes;
    while (query.executeStep()) barcodes.push_back(query.getColumn(0).getString());
    return barcodes;
}

// Pupils free to borrow, each paired with a copy nobody holds: the loans the kiosk makes all day.
std::vector<std::pair<std::string, std::string>> borrowers_and_copies(SQLite::Database& db, int count) {
    const auto cards = free_pupils(db, count);
    const auto copies = shelf_copies(db, count);
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t i = 0; i < std::min(cards.size(), copies.size()); ++i) pairs.emplace_back(cards[i], copies[i]);
    return pairs;
}

// The floor under every scan: one INSERT and one UPDATE in a durable transaction, as
// core writes (with synchronous=NORMAL, SQLite's own COMMIT does not sync the log).
double raw_transaction_ms(SQLite::Database& db, int round) {
    const auto start = Clock::now();
    core::WriteTransaction transaction(db);
    SQLite::Statement insert(db, "INSERT INTO bench_raw (value) VALUES (?)");
    insert.bind(1, round);
    insert.exec();
    SQLite::Statement update(db, "UPDATE bench_raw SET value = value + 1 WHERE id = last_insert_rowid()");
    update.exec();
    transaction.commit();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double scan_ms(core::Station& station, const std::string& code, core::Timestamp at, core::Outcome expected) {
    const auto start = Clock::now();
    const auto outcome = station.handle({.text = code, .symbology = "", .source = "bench"}, at).last();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (outcome.outcome != expected) {
        std::fprintf(stderr, "kitap-bench: %s gave %s (%s)\n", code.c_str(),
                     std::string(to_string(outcome.outcome)).c_str(), std::string(to_string(outcome.reason)).c_str());
        std::exit(1);
    }
    return ms;
}

// Returns the loans' p99 in ms, which the web console's scans are held to.
double bench_circulation(SQLite::Database& db, int samples) {
    db.exec("CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, value INTEGER)");
    core::LibraryStore store(db);
    core::Station station(store, core::Rules{}, core::StationMode::self, "bench");
    std::vector<double> loans, returns, raw;
    core::Timestamp at = now_seconds();
    int round = 0;
    for (const auto& [card, copy] : borrowers_and_copies(db, samples)) {
        at += std::chrono::seconds(10);
        station.handle({.text = card, .symbology = "", .source = "bench"}, at);
        at += std::chrono::seconds(10);
        loans.push_back(scan_ms(station, copy, at, core::Outcome::loan));
        raw.push_back(raw_transaction_ms(db, ++round));
        at += std::chrono::seconds(10);
        returns.push_back(scan_ms(station, copy, at, core::Outcome::returned));
        raw.push_back(raw_transaction_ms(db, ++round));
    }
    if (loans.empty()) {
        std::fprintf(stderr, "kitap-bench: no borrowers found\n");
        std::exit(1);
    }
    print("samples", static_cast<double>(loans.size()));
    print("station_loan_p50_ms", percentile(loans, 0.50));
    print("station_loan_p99_ms", percentile(loans, 0.99));
    print("station_return_p99_ms", percentile(returns, 0.99));
    print("raw_txn_p99_ms", percentile(raw, 0.99));
    print("station_vs_raw_p99_ratio", percentile(loans, 0.99) / percentile(raw, 0.99));
    return percentile(loans, 0.99);
}

// A school office's roster: 1,400 pupils in 56 classes, semicolon-separated.
std::string roster_csv() {
    static const char* const letters[] = {"А", "Ә", "Б", "В", "Г"};
    static const char* const surnames[] = {"Қасымов", "Нұрланов",   "Әбенов", "Иванов",
                                           "Серіков", "Жақсыбеков", "Петров"};
    static const char* const names[] = {"Ерасыл", "Әлихан", "Нұрсұлтан", "Дмитрий", "Ұлан", "Ілияс", "Тимур"};
    std::string csv = "ФИО;Класс;Номер карты\n";
    for (int i = 0; i < 1400; ++i) {
        const int grade = 1 + (i / 25) % 11;
        csv += std::string(surnames[i % 7]) + " " + names[(i / 7) % 7] + " " + std::to_string(i) + ";" +
               std::to_string(grade) + letters[(i / 275) % 5] + ";3" + std::to_string(1000000 + i) + "\n";
    }
    return csv;
}

double roster_import_seconds(const fs::path& dir) {
    auto db = core::open_database(dir / "roster.db");
    const std::string csv = roster_csv();
    core::ImportResult result;
    const double seconds =
        seconds_of([&] { result = core::import_readers(db, csv, {.school_year = "2026-2027", .now = now_seconds()}); });
    if (!result.ok() || result.added != 1400) {
        std::fprintf(stderr, "kitap-bench: roster import failed (%zu problems, %d added)\n", result.problems.size(),
                     result.added);
        std::exit(1);
    }
    return seconds;
}

// September: every class of a school with no textbooks out yet collects its sets.
void bench_term_start(const fs::path& dir) {
    auto db = core::open_database(dir / "term.db");
    core::fill_demo_school(db, {.seed = 3, .years_of_history = 0, .now = now_seconds()});
    std::vector<std::string> classes;
    SQLite::Statement query(db, "SELECT grade || letter FROM school_class WHERE grade > 0 ORDER BY grade, letter");
    while (query.executeStep()) classes.push_back(query.getColumn(0).getString());
    int issued = 0;
    const double seconds = seconds_of([&] {
        for (const auto& name : classes) {
            const auto outcome = core::issue_class_set(db, name, core::Rules{}, {.now = now_seconds()});
            for (const auto& title : outcome.result->issued) issued += title.count;
        }
    });
    print("term_start_classes", static_cast<double>(classes.size()));
    print("term_start_issued", issued);
    print("term_start_issue_all_s", seconds);
}

double report_order_ms(SQLite::Database& db, int runs = 5) {
    const core::Date today = core::local_date(now_seconds());
    const std::string year = core::next_school_year(core::current_school_year(db, today));
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        const auto report = core::order_report(db, {.for_year = year, .today = today});
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (!report || report->lines.empty()) {
            std::fprintf(stderr, "kitap-bench: the order report for %s failed or is empty\n", year.c_str());
            std::exit(1);
        }
    }
    return percentile(times, 0.5);
}

// The annual report (the year and the one before, as it shows them), and a
// thousand inventory labels on A4 sheets of 24 as `kitap labels copies` prints them.
void bench_print(SQLite::Database& db, const fs::path& dir) {
    const auto year = *core::school_year_span(core::school_year_of(core::local_date(now_seconds())));
    print("report_annual_ms", 1000 * seconds_of([&] {
                                  core::annual_figures(db, year);
                                  core::annual_figures(db, core::previous_year_span(year));
                              }));
    std::vector<printing::CopyLabel> labels;
    for (const auto& copy : core::copy_labels_in_range(db, "10000000", "19999999")) {
        if (labels.size() == 1000) break;
        labels.push_back({copy.code, copy.title});
    }
    const printing::CopyLabelOptions options{.layout = *printing::label_layout("a4-3x8"),
                                             .library_name = "№ 12 жалпы білім беретін мектеп"};
    print("labels_1000_pdf_s", seconds_of([&] { printing::write_copy_labels(dir / "labels.pdf", labels, options); }));
}

void bench_reports(SQLite::Database& db) {
    const auto today = core::local_date(now_seconds());
    std::size_t lines = 0;
    print("report_provision_ms",
          1000 * seconds_of([&] { lines = core::provision_report(db, std::nullopt, today).lines.size(); }));
    print("report_provision_lines", static_cast<double>(lines));
    print("report_debtors_ms",
          1000 * seconds_of([&] { lines = core::debtors_report(db, std::nullopt, today).size(); }));
    print("report_order_ms", report_order_ms(db));
}

// What pupils and the librarian type: the beginnings of titles' and authors' words, some
// as typed on a Russian keyboard (Kazakh letters as Russian ones), and ISBNs' beginnings.
std::vector<std::string> catalogue_queries(SQLite::Database& db, int count) {
    SQLite::Statement titles(db, "SELECT title, authors, coalesce(isbn, '') FROM title ORDER BY random() LIMIT ?");
    titles.bind(1, count);
    const auto first_word = [](const std::string& text, std::size_t bytes) {
        return text.substr(0, std::min({text.find(' '), text.find('.'), bytes}));
    };
    const auto typed_in_russian = [](std::string text) {
        for (const auto& [kazakh, russian] : {std::pair{"Ә", "А"},
                                              {"ә", "а"},
                                              {"Қ", "К"},
                                              {"қ", "к"},
                                              {"Ө", "О"},
                                              {"ө", "о"},
                                              {"Ұ", "У"},
                                              {"ұ", "у"},
                                              {"Ү", "У"},
                                              {"ү", "у"},
                                              {"І", "И"},
                                              {"і", "и"},
                                              {"Ң", "Н"},
                                              {"ң", "н"},
                                              {"Ғ", "Г"},
                                              {"ғ", "г"}})
            for (auto at = text.find(kazakh); at != std::string::npos; at = text.find(kazakh))
                text.replace(at, std::strlen(kazakh), russian);
        return text;
    };
    std::vector<std::string> queries;
    for (int n = 0; titles.executeStep(); ++n) {
        const auto title = titles.getColumn(0).getString(), authors = titles.getColumn(1).getString();
        const auto isbn = titles.getColumn(2).getString();
        if (n % 4 == 0) queries.push_back(first_word(title, 8));
        if (n % 4 == 1) queries.push_back(typed_in_russian(first_word(title, 6)));
        if (n % 4 == 2 && !authors.empty()) queries.push_back(first_word(authors, 10) + " " + first_word(title, 4));
        if (n % 4 == 3) queries.push_back(isbn.empty() ? typed_in_russian(first_word(authors, 8)) : isbn.substr(0, 7));
    }
    return queries;
}

// `kitap catalog search`, GET /api/catalog and the kiosk's "Find a book": the first search takes every title
// into the index (as after a large import), then the searches' latency.
void bench_catalog_search(SQLite::Database& db, int samples) {
    print("catalog_index_all_titles_ms", 1000 * seconds_of([&] { core::catalog_search(db, "абай", 50); }));
    std::vector<double> ms;
    std::size_t found = 0;
    for (const auto& query : catalogue_queries(db, samples)) {
        const auto start = Clock::now();
        found += core::catalog_search(db, query, 50).size();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    print("catalog_search_queries", static_cast<double>(ms.size()));
    print("catalog_search_found_mean", static_cast<double>(found) / static_cast<double>(ms.size()));
    std::printf("catalog_search_p99_ms: %.3f (target <= 50)\n", percentile(ms, 0.99));
}

// What a kiosk keeps for its offline mode: the server reads the snapshot, the kiosk puts it in its file.
void bench_offline(SQLite::Database& db, const fs::path& dir) {
    core::OfflineSnapshot snapshot;
    print("offline_snapshot_ms",
          1000 * seconds_of([&] { snapshot = core::read_offline_snapshot(db, core::Rules{}, now_seconds()); }));
    print("offline_snapshot_readers", static_cast<double>(snapshot.readers.size()));
    print("offline_snapshot_copies", static_cast<double>(snapshot.copies.size()));
    auto journal = core::OfflineJournal::open(dir / "journal.db", "bench");
    core::OrFault<void> replaced;
    if (journal)
        print("offline_cache_replace_ms",
              1000 * seconds_of([&] { replaced = core::OfflineCache(*journal).replace(snapshot); }));
    if (!journal || !replaced) {
        std::fprintf(stderr, "kitap-bench: the kiosk's cache: %s\n",
                     (journal ? replaced.error() : journal.error()).detail.c_str());
        std::exit(1);
    }
}

// A kiosk back after a day off its server: its journal of 1,000 scans (500 pupils, each
// a card and the copy taken) applied by the server in one upload, as if on time.
void bench_journal_replay(SQLite::Database& db, int pupils) {
    std::vector<core::JournalEntry> journal;
    core::Timestamp at = now_seconds() - std::chrono::hours(8);
    for (const auto& [card, copy] : borrowers_and_copies(db, pupils))
        for (const auto& code : {card, copy}) {
            at += std::chrono::seconds(20);
            char id[33];
            std::snprintf(id, sizeof id, "%032zx", journal.size());
            journal.push_back({.id = id, .station = "bench-kiosk", .scanned_at = at, .card = card, .code = code});
        }
    auto library = core::Library::open(db.getFilename());
    core::OrFault<core::ReplayResult> replayed = tl::unexpected(core::Fault{});
    const double seconds = seconds_of([&] {
        if (library) replayed = library->stations().replay("bench-kiosk", journal, now_seconds());
    });
    if (!library || !replayed || replayed->applied != static_cast<int>(journal.size())) {
        std::fprintf(stderr, "kitap-bench: the journal replay failed or refused scans (%s)\n",
                     !library    ? library.error().detail.c_str()
                     : !replayed ? replayed.error().detail.c_str()
                                 : "");
        std::exit(1);
    }
    print("journal_replay_entries", static_cast<double>(journal.size()));
    std::printf("journal_replay_%zu_s: %.3f (target <= 2 for 1000)\n", journal.size(), seconds);
}

// Pupils at the kiosk, one after another: a card, two books from the shelf, "done".
std::vector<std::string> kiosk_visits(SQLite::Database& db, int pupils) {
    const auto cards = free_pupils(db, pupils);
    const auto copies = shelf_copies(db, 2 * pupils);
    if (cards.size() < static_cast<std::size_t>(pupils) || copies.size() < 2 * cards.size()) {
        std::fprintf(stderr, "kitap-bench: the demo library has too few free pupils or copies for the kiosk\n");
        std::exit(1);
    }
    const std::string done = core::command_code(core::Command::done, core::CodeRules{});
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < cards.size(); ++i)
        codes.insert(codes.end(), {cards[i], copies[2 * i], copies[2 * i + 1], done});
    return codes;
}

// The kiosk on the demo library: visits paced like a scanner, then a burst of 50 scans.
void bench_kiosk(const Settings& settings, const fs::path& database) {
    constexpr std::size_t burst_scans = 50;
    constexpr int burst_pupils = burst_scans / 4 + 1;
    std::vector<std::string> visits;
    {
        auto db = core::open_database(database);
        visits = kiosk_visits(db, settings.kiosk_visits + burst_pupils + 1);
    }                                                                 // closed: the kiosk takes the database's lock
    std::vector<std::string> locked(visits.end() - 4, visits.end());  // the last pupil's: scanned while locked
    visits.erase(visits.end() - 4, visits.end());
    const auto burst_start = visits.end() - 4 * burst_pupils;
    std::vector<std::string> burst(burst_start, burst_start + burst_scans);
    visits.erase(burst_start, visits.end());
    bench::bench_kiosk({.kiosk = settings.kiosk,
                        .database = database,
                        .dir = settings.dir,
                        .idle = settings.kiosk_idle,
                        .visits = std::move(visits),
                        .burst = std::move(burst),
                        .locked = std::move(locked)});
}

// The web console over the same history, beside the in-process station just measured.
// The desks lend to every pupil free to borrow, up to the station's sample count (some
// 390 on the ten-year demo, 780 timed scans): the p99 of 200 loans' 400 timed scans was
// their four slowest, which one timer tick or checkpoint moved by a millisecond.
void bench_web(const Settings& settings, SQLite::Database& db, double station_loan_p99_ms) {
    const int readers = settings.quick ? 20 : 200;
    bench::bench_web({.kitap = settings.kitap,
                      .database = db.getFilename(),
                      .dir = settings.dir,
                      .cards = free_pupils(db, readers),
                      .items = shelf_copies(db, readers),
                      .loans = borrowers_and_copies(db, settings.samples),
                      .duration = std::chrono::seconds(settings.quick ? 2 : 10),
                      .clients = settings.quick ? 4 : 20,
                      .station_loan_p99_ms = station_loan_p99_ms});
}

// A self-check terminal over SIP2 on the same history, held to the same station figure.
void bench_sip2(const Settings& settings, SQLite::Database& db, double station_loan_p99_ms) {
    bench::bench_sip2({.kitap = settings.kitap,
                       .database = db.getFilename(),
                       .dir = settings.dir,
                       .loans = borrowers_and_copies(db, settings.quick ? 20 : 500),
                       .station_loan_p99_ms = station_loan_p99_ms});
}

Settings parse(int argc, char** argv) {
    Settings settings;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--quick")) {
            settings.quick = true;
            settings.years = 1;
            settings.samples = 30;
            settings.kiosk_visits = 2;
            settings.kiosk_idle = std::chrono::seconds(1);
        } else if (!std::strcmp(argv[i], "--imports")) {
            settings.imports_only = true;
        } else if (!std::strcmp(argv[i], "--kiosk-only")) {
            settings.kiosk_only = true;
        } else if (!std::strcmp(argv[i], "--web-only")) {
            settings.web_only = true;
        } else if (!std::strcmp(argv[i], "--samples") && i + 1 < argc) {
            settings.samples = std::atoi(argv[++i]);
        } else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) {
            settings.dir = argv[++i];
        } else if (!std::strcmp(argv[i], "--kiosk") && i + 1 < argc) {
            settings.kiosk = argv[++i];
        } else {
            std::fprintf(stderr,
                         "usage: kitap-bench [--quick] [--imports | --kiosk-only | --web-only] [--samples N] [--dir "
                         "DIR] [--kiosk PATH]\n");
            std::exit(2);
        }
    }
    return settings;
}

}  // namespace

int main(int argc, char** argv) {
    const Settings settings = parse(argc, argv);
    fs::create_directories(settings.dir);
    if (settings.imports_only) {
        bench::bench_imports(settings.dir, settings.quick);
        fs::remove_all(settings.dir);
        return 0;
    }
    if (!settings.web_only) {
        {
            auto demo_db = core::open_database(settings.dir / "demo.db");
            print("demo_s", seconds_of([&] { core::fill_demo_school(demo_db, {.seed = 1, .now = now_seconds()}); }));
        }
        bench_kiosk(settings, settings.dir / "demo.db");
        if (settings.kiosk_only) {
            fs::remove_all(settings.dir);
            return 0;
        }
    }
    auto db = core::open_database(settings.dir / "history.db");
    core::DemoSummary history;
    const double history_s = seconds_of([&] {
        history = core::fill_demo_school(db, {.seed = 2, .years_of_history = settings.years, .now = now_seconds()});
    });
    print("history_years", settings.years);
    print("history_loans", history.loans);
    print("history_fill_s", history_s);
    // The district's first sync sends the history; its next, the station's scans below (a busy school day).
    std::optional<bench::DistrictBench> district;
    if (!settings.web_only) {
        district.emplace(settings.dir, settings.dir / "history.db");
        district->first_sync();
    }
    if (!settings.web_only) {
        bench_reports(db);
        bench_catalog_search(db, settings.samples);
        bench_offline(db, settings.dir);
        bench_print(db, settings.dir);
    }
    const double station_loan_p99_ms = bench_circulation(db, settings.samples);
    bench_journal_replay(db, settings.quick ? 15 : 500);
    bench_web(settings, db, station_loan_p99_ms);
    bench_sip2(settings, db, station_loan_p99_ms);
    if (settings.web_only) {
        fs::remove_all(settings.dir);
        return 0;
    }
    district->daily_sync();
    district->all_years_sync();
    district->annual_report(settings.quick ? 3 : 20);
    district.reset();
    bench_term_start(settings.dir);
    print("roster_import_1400_s", roster_import_seconds(settings.dir));
    bench::bench_imports(settings.dir, settings.quick);
    fs::remove_all(settings.dir);
    std::fflush(stdout);
    // The webcam pipeline's figures, on frames generated here, beside a plain zxing pass.
    char name[] = "kitap-bench", quick[] = "--quick";
    char* camera_args[] = {name, quick};
    return camera_bench_main(settings.quick ? 2 : 1, camera_args);
}
