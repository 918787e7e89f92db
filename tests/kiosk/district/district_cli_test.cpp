// `kitap sync` and `kitap district ...` as a school and the city run them: demo schools
// of different seeds sync to a real PostgreSQL 15 the test starts, and the city's
// figures are checked against each school's own `kitap report annual`.
#include "core/calendar.hpp"
#include "core/codes/check_digits.hpp"
#include "core/reports/annual_report.hpp"
#include "tests/kiosk/gui/support/child_process.hpp"
#include "tests/support/cli_run.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

namespace kitap::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Three demo schools of a year's history each, made once: by ctest's fixture
// district_demo_schools into KITAP_DISTRICT_DEMO (each test of this binary runs as a
// process of its own), else here. Each test syncs copies of them.
struct DemoSchools {
    fs::path folder;
    std::vector<std::string> ids{"pavlodar-7", "pavlodar-12", "ekibastuz-3"};

    fs::path db(const std::string& id) const { return folder / (id + ".db"); }
};

void make_demo_schools(const DemoSchools& schools) {
    fs::create_directories(schools.folder);
    std::uint32_t seed = 1;
    for (const auto& id : schools.ids) {
        if (fs::exists(schools.db(id))) continue;
        const auto made = run_kitap({.binary = KITAP_BINARY,
                                     .folder = schools.folder,
                                     .db = schools.db(id),
                                     .config_home = schools.folder,
                                     .args = {"demo", "--seed", std::to_string(seed++), "--years", "1"}});
        if (made.exit_code != 0) throw std::runtime_error("kitap demo failed: " + made.err);
    }
}

const DemoSchools& demo_schools() {
    static const DemoSchools* schools = [] {
        static TempDir own;  // when no fixture made them
        const char* made = std::getenv("KITAP_DISTRICT_DEMO");
        auto* found = new DemoSchools{.folder = made ? fs::path(made) : own.path()};
        make_demo_schools(*found);
        return found;
    }();
    return *schools;
}

std::string this_school_year() {
    return core::school_year_of(
        core::local_date(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now())));
}

class DistrictTest : public ::testing::Test {
protected:
    DistrictTest() : server(folder.path()) {}

    static void SetUpTestSuite() { demo_schools(); }

    // A copy of the demo school `id` with its configuration ([school] id and name).
    fs::path school(const std::string& id) {
        const auto db = folder / (id + ".db");
        fs::copy_file(demo_schools().db(id), db);
        std::ofstream(folder / (id + ".toml")) << "[school]\nid = \"" << id << "\"\nname = \"Мектеп " << id << "\"\n";
        return db;
    }

    CliRun kitap(const std::string& id, std::vector<std::string> args) {
        args.insert(args.begin(), {"--config", (folder / (id + ".toml")).string()});
        return run_kitap({.binary = KITAP_BINARY,
                          .folder = folder.path(),
                          .db = folder / (id + ".db"),
                          .config_home = folder.path(),
                          .args = std::move(args)});
    }

    CliRun city(std::vector<std::string> args, const std::string& user = "kitap") {
        args.insert(args.end(), {"--pg", as(user)});
        return run_kitap({.binary = KITAP_BINARY,
                          .folder = folder.path(),
                          .db = folder / "city.db",
                          .config_home = folder.path(),
                          .args = std::move(args)});
    }

    json sync(const std::string& id) {
        const auto run = kitap(id, {"sync", "--pg", server.conninfo(), "--json"});
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return run.exit_code == 0 ? run.parsed() : json();
    }

    // The district's server as `user` (its owner, "kitap", unless said).
    std::string as(const std::string& user) const { return server.conninfo() + " user=" + user; }

    std::string psql(const std::string& sql, const std::string& user = "kitap") {
        return slurp_command(PgServer::program("psql").string() + " " + quoted(as(user)) + " -Atc " + quoted(sql));
    }

    // Every school year the district holds of school `id` has the school's own figures.
    void expect_every_year_as_own(const std::string& id) {
        std::istringstream years(
            psql("SELECT DISTINCT year FROM annual_figure WHERE school = '" + id + "' ORDER BY year"));
        for (std::string year; std::getline(years, year);) {
            const auto own = kitap(id, {"report", "annual", "--year", year}).parsed();
            const auto district = city({"district", "report", "annual", "--year", year}).parsed();
            const auto row = std::find_if(district["schools"].begin(), district["schools"].end(),
                                          [&](const json& each) { return each["school"] == id; });
            ASSERT_NE(row, district["schools"].end()) << id << " " << year;
            for (const auto& [key, value] : row->items()) {
                if (key != "school" && key != "name") EXPECT_EQ(value, own[key]) << id << " " << year << " " << key;
            }
        }
    }

    std::string slurp_command(const std::string& command) {
        const auto out = folder / "psql.out";
        run(command + " > " + quoted(out.string()) + " 2>&1");
        auto text = slurp(out);
        while (!text.empty() && text.back() == '\n') text.pop_back();
        return text;
    }

    void init_district() {
        const auto run = city({"district", "init"});
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }

    TempDir folder;
    PgServer server;
};

// What the fixture district_demo_schools runs.
TEST(DistrictDemo, SchoolsAreMade) {
    for (const auto& id : demo_schools().ids) EXPECT_TRUE(fs::exists(demo_schools().db(id))) << id;
}

TEST_F(DistrictTest, TheCitysAnnualTotalsAreTheSchoolsOwnFiguresSummedExactly) {
    init_district();
    const auto& ids = demo_schools().ids;
    for (const auto& id : ids) {
        school(id);
        const auto sent = sync(id);
        EXPECT_EQ(sent["events_sent"], sent["last_sequence"]);
        EXPECT_EQ(sent["events_already"], 0);
    }
    const auto year = this_school_year();
    const auto district = city({"district", "report", "annual", "--year", year});
    ASSERT_EQ(district.exit_code, 0) << district.err;
    const auto report = district.parsed();
    ASSERT_EQ(report["schools"].size(), ids.size());
    std::map<std::string, double> sums;
    for (const auto& id : ids) {
        const auto own_run = kitap(id, {"report", "annual", "--year", year});
        ASSERT_EQ(own_run.exit_code, 0) << own_run.err;
        const auto own = own_run.parsed();
        const auto row = std::find_if(report["schools"].begin(), report["schools"].end(),
                                      [&](const json& each) { return each["school"] == id; });
        ASSERT_NE(row, report["schools"].end()) << id;
        for (const auto& [key, value] : report["total"].items()) {
            if (key == "loans_by_month") continue;
            EXPECT_EQ((*row)[key], own[key]) << id << " " << key;
            sums[key] += own[key].get<double>();
        }
        EXPECT_EQ((*row)["loans_by_month"], own["loans_by_month"]) << id;
    }
    EXPECT_GT(sums["loans"], 0);
    for (const auto& [key, sum] : sums) EXPECT_DOUBLE_EQ(report["total"][key].get<double>(), sum) << key;
}

TEST_F(DistrictTest, SyncingAgainSendsNothingTwiceAndAMonthOfflineSendsWhatWasMissed) {
    init_district();
    school("pavlodar-7");
    const auto first = sync("pavlodar-7");
    EXPECT_EQ(sync("pavlodar-7")["events_sent"], 0);
    // The school works on without the city: a class comes to the library.
    std::vector<std::string> scans{"scan", "--mode", "self"};
    const auto readers = kitap("pavlodar-7", {"readers", "--class", "5А", "--json"}).parsed();
    for (const auto& pupil : readers["pupils"]) scans.push_back(pupil["card"]);
    ASSERT_GT(scans.size(), 3u);
    const auto visited = kitap("pavlodar-7", scans);
    ASSERT_EQ(visited.exit_code, 0) << visited.err;
    const auto later = sync("pavlodar-7");
    EXPECT_GT(later["events_sent"].get<long long>(), 0);
    EXPECT_EQ(later["last_sequence"].get<long long>(),
              first["last_sequence"].get<long long>() + later["events_sent"].get<long long>());
    EXPECT_EQ(psql("SELECT count(*) FROM event WHERE school = 'pavlodar-7'"), later["last_sequence"].dump());
    const auto year = this_school_year();
    const auto own = kitap("pavlodar-7", {"report", "annual", "--year", year}).parsed();
    const auto district = city({"district", "report", "annual", "--year", year}).parsed();
    EXPECT_EQ(district["total"]["visits"], own["visits"]);
    expect_every_year_as_own("pavlodar-7");
}

// After circulation only the current year's figures go again; after a receipt dated
// last year or an import, which can change an earlier year's fund, every year's do,
// and the district keeps each year as the school's own report has it.
TEST_F(DistrictTest, ASyncSendsTheYearsWhoseFiguresMayHaveChanged) {
    init_district();
    school("pavlodar-12");
    const std::string isbn = std::string("978601004242") + core::ean13_check_digit("978601004242");
    std::ofstream(folder / "catalog.csv") << "title,authors,isbn,kind,copies\nАлгебра 7,," << isbn << ",textbook,0\n";
    ASSERT_EQ(kitap("pavlodar-12", {"import", "catalog", (folder / "catalog.csv").string()}).exit_code, 0);
    const auto rows_of_a_year = sync("pavlodar-12")["snapshots"]["annual_figures"].get<int>();
    ASSERT_EQ(psql("SELECT count(DISTINCT year) FROM annual_figure"), "1");  // the demo's history is this year's

    const auto this_year = core::school_year_span(this_school_year());
    const auto last_year = core::previous_year_span(*this_year);
    const auto received =
        kitap("pavlodar-12", {"receive", "--isbn", isbn, "--count", "30", "--price", "2500", "--date",
                              core::iso_date(std::chrono::sys_days{last_year.first_day} + std::chrono::days(40))});
    ASSERT_EQ(received.exit_code, 0) << received.err;
    EXPECT_EQ(sync("pavlodar-12")["snapshots"]["annual_figures"], 2 * rows_of_a_year);

    std::vector<std::string> scans{"scan", "--mode", "self"};
    const auto readers = kitap("pavlodar-12", {"readers", "--class", "7А", "--json"}).parsed();
    for (const auto& pupil : readers["pupils"]) scans.push_back(pupil["card"]);
    ASSERT_GT(scans.size(), 3u);
    ASSERT_EQ(kitap("pavlodar-12", scans).exit_code, 0);
    EXPECT_EQ(sync("pavlodar-12")["snapshots"]["annual_figures"], rows_of_a_year);

    std::ofstream(folder / "catalog.csv") << "title,authors,isbn,kind,copies\nҚазақ әдебиеті,,,fiction,40\n";
    ASSERT_EQ(kitap("pavlodar-12", {"import", "catalog", (folder / "catalog.csv").string()}).exit_code, 0);
    EXPECT_EQ(sync("pavlodar-12")["snapshots"]["annual_figures"], 2 * rows_of_a_year);
    EXPECT_EQ(psql("SELECT value FROM annual_figure WHERE year = '" + last_year.name + "' AND key = 'received_copies'"),
              "30");
    expect_every_year_as_own("pavlodar-12");
}

// A school's own server account (named after its id, in kitap_school) reads and
// writes its own rows only; a methodologist's (in kitap_district_reader) reads them all.
TEST_F(DistrictTest, ASchoolsAccountSyncsThatSchoolOnlyAndSeesNoOtherSchoolsRows) {
    init_district();
    school("pavlodar-7");
    school("pavlodar-12");
    sync("pavlodar-12");
    psql(
        "CREATE ROLE \"pavlodar-7\" LOGIN IN ROLE kitap_school; "
        "CREATE ROLE methodologist LOGIN IN ROLE kitap_district_reader");
    const auto own = kitap("pavlodar-7", {"sync", "--pg", as("pavlodar-7"), "--json"});
    ASSERT_EQ(own.exit_code, 0) << own.err;
    EXPECT_GT(own.parsed()["events_sent"].get<long long>(), 0);
    EXPECT_EQ(psql("SELECT string_agg(DISTINCT school, ',') FROM event", "pavlodar-7"), "pavlodar-7");
    EXPECT_EQ(psql("SELECT string_agg(id, ',') FROM school", "pavlodar-7"), "pavlodar-7");
    EXPECT_EQ(psql("SELECT count(*) FROM title WHERE school = 'pavlodar-12'", "pavlodar-7"), "0");

    const auto titles_of_12 = psql("SELECT count(*) FROM title WHERE school = 'pavlodar-12'");
    ASSERT_NE(titles_of_12, "0");
    psql("DELETE FROM title WHERE school = 'pavlodar-12'", "pavlodar-7");
    EXPECT_EQ(psql("SELECT count(*) FROM title WHERE school = 'pavlodar-12'"), titles_of_12);
    EXPECT_NE(psql("INSERT INTO annual_figure VALUES ('pavlodar-12', '2020-2021', 'loans', 1)", "pavlodar-7")
                  .find("row-level security"),
              std::string::npos);
    std::ofstream(folder / "pavlodar-7.toml") << "[school]\nid = \"pavlodar-12\"\n";
    const auto posing = kitap("pavlodar-7", {"sync", "--pg", as("pavlodar-7")});
    EXPECT_EQ(posing.exit_code, 1);
    EXPECT_NE(posing.err.find("cannot sync school \"pavlodar-12\""), std::string::npos) << posing.err;

    const auto year = this_school_year();
    const auto read = city({"district", "report", "annual", "--year", year}, "methodologist");
    ASSERT_EQ(read.exit_code, 0) << read.err;
    EXPECT_EQ(read.parsed(), city({"district", "report", "annual", "--year", year}).parsed());
    EXPECT_EQ(read.parsed()["schools"].size(), 2u);
    EXPECT_NE(psql("DELETE FROM event", "methodologist").find("permission denied"), std::string::npos);
}

TEST_F(DistrictTest, AServerKilledMidSyncLosesNothingAndTheNextSyncFinishesTheJob) {
    init_district();
    school("pavlodar-12");
    ChildProcess sync_run({KITAP_BINARY, "--config", (folder / "pavlodar-12.toml").string(), "--db",
                           (folder / "pavlodar-12.db").string(), "sync", "--pg", server.conninfo()},
                          {"LANG=C"}, folder / "killed-sync.out");
    // The sync's transaction has written (the school's row) and is streaming its events.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (psql("SELECT count(*) FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()") !=
               "1" &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    server.kill_now();
    EXPECT_EQ(sync_run.wait_for_exit(std::chrono::seconds(60)), 3) << slurp(folder / "killed-sync.out");
    server.start();
    EXPECT_EQ(psql("SELECT count(*) FROM event"), "0");
    EXPECT_EQ(psql("SELECT count(*) FROM school"), "0");
    const auto finished = sync("pavlodar-12");
    EXPECT_EQ(finished["events_sent"], finished["last_sequence"]);
    EXPECT_EQ(psql("SELECT count(*) FROM event"), finished["last_sequence"].dump());
}

TEST_F(DistrictTest, TwoSchoolsSyncAtOnceAndOneSchoolTwiceAtOnceSendsEachEventOnce) {
    init_district();
    school("pavlodar-7");
    school("ekibastuz-3");
    std::vector<std::unique_ptr<ChildProcess>> runs;
    const auto output = [&](std::size_t run) { return folder / ("sync-" + std::to_string(run) + ".out"); };
    for (const auto& id : {"pavlodar-7", "ekibastuz-3", "pavlodar-7"})
        runs.push_back(std::make_unique<ChildProcess>(
            std::vector<std::string>{KITAP_BINARY, "--config", (folder / (std::string(id) + ".toml")).string(), "--db",
                                     (folder / (std::string(id) + ".db")).string(), "sync", "--pg", server.conninfo()},
            std::vector<std::string>{"LANG=C"}, output(runs.size())));
    for (std::size_t run = 0; run < runs.size(); ++run)
        EXPECT_EQ(runs[run]->wait_for_exit(std::chrono::seconds(120)), 0) << slurp(output(run));
    for (const auto& id : {"pavlodar-7", "ekibastuz-3"}) {
        const auto last = psql("SELECT last_sequence FROM school WHERE id = '" + std::string(id) + "'");
        EXPECT_NE(last, "0");
        EXPECT_EQ(psql("SELECT count(*) FROM event WHERE school = '" + std::string(id) + "'"), last) << id;
    }
}

TEST_F(DistrictTest, NoNameNorCardLeavesTheSchool) {
    init_district();
    school("ekibastuz-3");
    sync("ekibastuz-3");
    const auto reader = kitap("ekibastuz-3", {"readers", "--class", "5А", "--json"});
    ASSERT_EQ(reader.exit_code, 0) << reader.err;
    const auto pupils = reader.parsed()["pupils"];
    ASSERT_FALSE(pupils.empty());
    const auto dump = slurp_command(PgServer::program("pg_dump").string() + " " + quoted(server.conninfo()));
    ASSERT_NE(dump.find("ekibastuz-3"), std::string::npos);
    for (const auto& pupil : pupils) {
        EXPECT_EQ(dump.find(pupil["card"].get<std::string>()), std::string::npos);
        EXPECT_EQ(dump.find(pupil["name"].get<std::string>()), std::string::npos);
    }
    // Readers are counted by pseudonym: as many as the school's event log names.
    EXPECT_NE(psql("SELECT count(DISTINCT reader) FROM event"), "0");
}

TEST_F(DistrictTest, ARestoredOlderLibraryOrAnotherUnderTheSameIdIsRefused) {
    init_district();
    school("pavlodar-7");
    sync("pavlodar-7");
    fs::copy_file(demo_schools().db("pavlodar-12"), folder / "pavlodar-7.db", fs::copy_options::overwrite_existing);
    const auto refused = kitap("pavlodar-7", {"sync", "--pg", server.conninfo()});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("did not write"), std::string::npos) << refused.err;
}

TEST_F(DistrictTest, WithoutASchoolIdOrAServerOrASchemaSyncSaysWhatIsMissing) {
    school("pavlodar-7");
    std::ofstream(folder / "pavlodar-7.toml") << "[school]\nname = \"x\"\n";
    const auto no_id = kitap("pavlodar-7", {"sync", "--pg", server.conninfo()});
    EXPECT_EQ(no_id.exit_code, 2);
    EXPECT_NE(no_id.err.find("[school] id"), std::string::npos) << no_id.err;
    std::ofstream(folder / "pavlodar-7.toml") << "[school]\nid = \"pavlodar-7\"\n";
    const auto no_server = kitap("pavlodar-7", {"sync"});
    EXPECT_EQ(no_server.exit_code, 2);
    EXPECT_NE(no_server.err.find("[district] url"), std::string::npos) << no_server.err;
    const auto no_schema = kitap("pavlodar-7", {"sync", "--pg", server.conninfo()});
    EXPECT_EQ(no_schema.exit_code, 1);
    EXPECT_NE(no_schema.err.find("kitap district init"), std::string::npos) << no_schema.err;
    const auto unreachable = kitap("pavlodar-7", {"sync", "--pg", "host=" + (folder / "nowhere").string()});
    EXPECT_EQ(unreachable.exit_code, 3) << unreachable.err;
    init_district();
    psql("INSERT INTO kitap_schema VALUES (99)");
    const auto newer = city({"district", "init"});
    EXPECT_EQ(newer.exit_code, 1);
    EXPECT_NE(newer.err.find("newer"), std::string::npos) << newer.err;
}

TEST_F(DistrictTest, ReportsComeAsCsvPdfAndXlsxInKazakhAndRussian) {
    init_district();
    for (const auto& id : {"pavlodar-7", "pavlodar-12"}) {
        school(id);
        sync(id);
    }
    const auto year = this_school_year();
    const auto csv = city({"district", "report", "annual", "--year", year, "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 4);  // header, two schools, total
    EXPECT_EQ(csv.out.rfind("total,", std::string::npos) != std::string::npos, true);
    for (const auto& [args, lang] :
         {std::pair{std::vector<std::string>{"district", "report", "annual", "--year", year}, "kk"},
          std::pair{std::vector<std::string>{"district", "report", "provision"}, "ru"},
          std::pair{std::vector<std::string>{"district", "exchange", "--for-year", "2030-2031"}, "kk"}}) {
        for (const auto* format : {"pdf", "xlsx"}) {
            auto with = args;
            const auto out = folder / (args[2] + "." + format);
            with.insert(with.end(), {"--format", format, "--lang", lang, "--out", out.string()});
            const auto run = city(with);
            ASSERT_EQ(run.exit_code, 0) << run.err;
            EXPECT_EQ(slurp(out).substr(0, 2), std::string(format) == "pdf" ? "%P" : "PK");
        }
    }
    const auto text = slurp_command("pdftotext " + quoted((folder / "annual.pdf").string()) + " -");
    EXPECT_NE(text.find("Қала"), std::string::npos) << text;
    EXPECT_NE(text.find("pavlodar-12"), std::string::npos);
    const auto provision =
        city({"district", "report", "provision", "--grade", "5", "--language", "kk", "--format", "json"});
    ASSERT_EQ(provision.exit_code, 0) << provision.err;
    const auto figures = provision.parsed();
    ASSERT_FALSE(figures["lines"].empty());
    long long needed = 0;
    for (const auto& line : figures["lines"]) needed += line["needed"].get<long long>();
    long long city_needed = 0;
    for (const auto& title : figures["titles"]) city_needed += title["needed"].get<long long>();
    EXPECT_EQ(needed, city_needed);
    EXPECT_EQ(figures["behind"].size(), 2u);
    EXPECT_EQ(figures["schools_not_counted"], json::array());
    // A school whose last sync was in an earlier school year counts no more, and is named.
    psql("UPDATE school SET school_year = '2019-2020' WHERE id = 'pavlodar-12'");
    const auto stale = city({"district", "report", "provision", "--format", "json"}).parsed();
    EXPECT_EQ(stale["schools_not_counted"], json::array({"pavlodar-12"}));
    EXPECT_EQ(stale["behind"].size(), 1u);
    const auto bad_year = city({"district", "report", "provision", "--year", "2024-2026"});
    EXPECT_EQ(bad_year.exit_code, 2);
    EXPECT_NE(bad_year.err.find("2024-2026"), std::string::npos) << bad_year.err;
}

// A school that now needs many more copies of a title per pupil falls short of it next
// year; the exchange proposes the other school's spare copies.
TEST_F(DistrictTest, TheExchangeMovesSpareCopiesFromASchoolWithThemToOneShortOfThem) {
    init_district();
    for (const auto* id : {"pavlodar-7", "pavlodar-12"}) {
        school(id);
        sync(id);
    }
    const auto next_year = psql("SELECT need_for_year FROM school LIMIT 1");
    const auto before = city({"district", "exchange", "--for-year", next_year, "--format", "json"}).parsed();
    // A title one school has spare copies of, and a grade of the other's with pupils next year.
    std::string isbn, donor;
    for (const auto& title : before["titles"])
        for (const auto& balance : title["schools"])
            if (isbn.empty() && balance["surplus"].get<int>() > 0) {
                isbn = title["isbn"];
                donor = balance["school"];
            }
    ASSERT_FALSE(isbn.empty()) << before.dump(1);
    const std::string short_school = donor == "pavlodar-7" ? "pavlodar-12" : "pavlodar-7";
    const auto order = kitap(short_school, {"report", "order", "--for-year", next_year, "--format", "json"}).parsed();
    json need;
    for (const auto& line : order["titles"])
        if (need.is_null() && line["needed"].get<int>() > 0) need = line;
    ASSERT_FALSE(need.is_null());
    // The other school takes the title into its catalogue, with no copies, and gives every
    // pupil of that grade 20 of it.
    std::ofstream(folder / "catalog.csv")
        << "title,authors,isbn,kind,copies\nA new textbook,," << isbn << ",textbook,0\n";
    const auto catalogued = kitap(short_school, {"import", "catalog", (folder / "catalog.csv").string()});
    ASSERT_EQ(catalogued.exit_code, 0) << catalogued.err;
    std::ofstream curriculum(folder / "curriculum.csv");
    curriculum << "grade,language,isbn,per_pupil\n";
    for (const auto& grade : need["grades"])
        for (const auto& language : need["languages"])
            curriculum << grade.get<int>() << ',' << language.get<std::string>() << ',' << isbn << ",20\n";
    curriculum.close();
    const auto imported = kitap(short_school, {"import", "curriculum", (folder / "curriculum.csv").string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    sync(short_school);

    const auto run = city({"district", "exchange", "--for-year", next_year, "--format", "json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto exchange = run.parsed();
    EXPECT_EQ(exchange["schools_counted"].size(), 2u);
    const auto title = std::find_if(exchange["titles"].begin(), exchange["titles"].end(),
                                    [&](const json& each) { return each["isbn"] == isbn; });
    ASSERT_NE(title, exchange["titles"].end());
    EXPECT_GT((*title)["shortage"].get<int>(), 0);
    EXPECT_EQ((*title)["covered"], std::min((*title)["shortage"], (*title)["surplus"]));
    const json expected{{"from", donor},
                        {"to", short_school},
                        {"isbn", isbn},
                        {"title", (*title)["title"]},
                        {"count", (*title)["covered"]}};
    EXPECT_NE(std::find(exchange["transfers"].begin(), exchange["transfers"].end(), expected),
              exchange["transfers"].end())
        << exchange["transfers"].dump(1);
    const auto other_year = city({"district", "exchange", "--for-year", "2040-2041", "--format", "json"}).parsed();
    EXPECT_EQ(other_year["schools_not_counted"].size(), 2u);
    EXPECT_TRUE(other_year["transfers"].empty());
}

}  // namespace
}  // namespace kitap::testing
