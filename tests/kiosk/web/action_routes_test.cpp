// The librarian's actions over HTTP: each answers what `kitap ... --json` prints for the
// same action on a twin database (the same files imported by the CLI), with the CLI's
// refusals; dry runs and refused requests change nothing; only the librarian acts.
#include "tests/kiosk/web/web_fixture.hpp"
#include "tests/support/cli_run.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace kitap::testing {
namespace {

using core::AccountRole;
using nlohmann::json;

constexpr auto roster =
    "ФИО;Класс;Номер карты\n"
    "Қасымова Әлия Ерланқызы;5Ә;20000014\n"
    "Нұрланұлы Ерасыл;5Ә;20000022\n";
constexpr auto catalog =
    "title,authors,isbn,kind,grade,copies,price,barcodes\n"
    "Абай жолы,Мұхтар Әуезов,9786010000025,fiction,,,,10000017 10000025\n"
    "\"Математика. 5-сынып. 1-бөлім\",,9786010000001,textbook,5,2,1500,\n";
constexpr auto curriculum = "grade,language,isbn\n5,kk,9786010000001\n";
constexpr auto textbook = "9786010000001";

class WebActions : public ::testing::Test {
protected:
    void SetUp() override {
        // The CLI acts at the real time: so does the server here, for the same school year and dates.
        web_.advance(web::system_now() - web_.now());
        // 5Ә in both, for its class teacher's account here.
        const auto year = core::school_year_of(core::local_date(web_.now()));
        for (auto* school : {&web_.school(), &twin_}) school->add_class(year, 5, "Ә");
        web_.add_account("aigul", AccountRole::librarian);
        web_.add_account("director", AccountRole::director);
        web_.add_account("saule", AccountRole::teacher, {"5Ә"});
        librarian_ = web_.log_in("aigul");
    }

    TestSchool& school() { return web_.school(); }

    // What the built `kitap` prints for ARGS on the twin database, run in the folder holding the files.
    CliRun twin_run(const std::vector<std::string>& args) {
        return run_kitap({.binary = KITAP_BINARY,
                          .folder = folder_.path(),
                          .db = twin_.path(),
                          .config_home = folder_.path(),
                          .args = args});
    }

    json twin_json(const std::vector<std::string>& args) {
        const auto run = twin_run(args);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return json::parse(run.out);
    }

    // `bytes` as the file NAME in the CLI's folder, and as the body the console uploads.
    httplib::Result upload(const std::string& kind, const std::string& name, const std::string& bytes,
                           const std::string& query = "", const Browser* as = nullptr) {
        std::ofstream(folder_.path() / name, std::ios::binary) << bytes;
        const auto& browser = as ? *as : librarian_;
        return web_.client().Post("/api/import/" + kind + "?filename=" + name + query,
                                  {{"Cookie", browser.cookie}, {"X-CSRF-Token", browser.csrf}}, bytes,
                                  "application/octet-stream");
    }

    void expect_as_cli(const httplib::Result& web, const std::vector<std::string>& cli_args) {
        ASSERT_TRUE(web);
        ASSERT_EQ(web->status, 200) << web->body;
        EXPECT_EQ(body_of(web), twin_json(cli_args));
    }

    // Two pupils of 5Ә, a fiction title with two copies, a textbook with two in stock for
    // 5th grade's kk curriculum: imported by the web and, into the twin, by the CLI.
    void import_small_library() {
        expect_as_cli(upload("readers", "roster.csv", roster), {"import", "readers", "roster.csv", "--json"});
        expect_as_cli(upload("catalog", "catalog.csv", catalog), {"import", "catalog", "catalog.csv", "--json"});
        expect_as_cli(upload("curriculum", "curriculum.csv", curriculum),
                      {"import", "curriculum", "curriculum.csv", "--json"});
    }

    int status(const httplib::Result& result) { return result ? result->status : -1; }
    int post_status(const std::string& path, const json& body, const Browser& browser) {
        return status(web_.post(browser, path, body));
    }

    // What any action could change, on one line to compare before and after. Logins are
    // in the event log too, so its count leaves them out.
    std::string library_state() {
        return school().text(
            "SELECT (SELECT COUNT(*) FROM reader) || ' ' || (SELECT COUNT(*) FROM title) || ' ' || "
            "(SELECT COUNT(*) FROM copy) || ' ' || (SELECT COUNT(*) FROM loan) || ' ' || "
            "(SELECT COUNT(*) FROM compensation) || ' ' || (SELECT COUNT(*) FROM receipt) || ' ' || "
            "(SELECT COUNT(*) FROM writeoff_row) || ' ' || (SELECT COUNT(*) FROM stocktake) || ' ' || "
            "(SELECT COUNT(*) FROM school_year) || ' ' || "
            "(SELECT COUNT(*) FROM event WHERE action NOT LIKE 'web_log%')");
    }

    WebFixture web_{std::nullopt, [](web::ServerSettings& settings) { settings.xls_child.program = KITAP_BINARY; }};
    TestSchool twin_;
    TempDir folder_;
    Browser librarian_;
};

// ---- Imports --------------------------------------------------------------------

TEST_F(WebActions, ImportsCountAsTheCliAndADryRunWritesNothing) {
    const auto before = library_state();
    expect_as_cli(upload("readers", "roster.csv", roster, "&dry_run=1"),
                  {"import", "readers", "roster.csv", "--dry-run", "--json"});
    EXPECT_EQ(library_state(), before);
    import_small_library();
    EXPECT_EQ(school().count("SELECT COUNT(*) FROM reader"), 2);
    // Again: nothing new, each row unchanged.
    expect_as_cli(upload("readers", "roster.csv", roster), {"import", "readers", "roster.csv", "--json"});
}

TEST_F(WebActions, ARosterWithBadLinesIs422WithEveryLineAndNothingImported) {
    const auto before = library_state();
    const auto result = upload("readers", "roster.csv",
                               "card,name,class,category\n70000001,Тестова Әсел,5Ә,pupil\n70000002,,5Ә,pupil\n"
                               "70000003,Бекова Дана,99Z,pupil\n");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 422) << result->body;
    const auto body = body_of(result);
    EXPECT_EQ(body["error"], "bad_rows");
    EXPECT_FALSE(body["message"].get<std::string>().empty());
    ASSERT_EQ(body["rows"].size(), 2u) << body.dump();
    EXPECT_EQ(body["rows"][0]["line"], 3);
    EXPECT_EQ(body["rows"][1]["line"], 4);
    EXPECT_NE(body["rows"][1]["message"].get<std::string>().find("99Z"), std::string::npos) << body.dump();
    EXPECT_EQ(library_state(), before);
    EXPECT_EQ(twin_run({"import", "readers", "roster.csv", "--json"}).exit_code, 2) << "the CLI refuses it alike";
}

// The server runs threads: the .xls is read by a spawned `kitap __read-xls`.
TEST_F(WebActions, AnXlsRosterOverHttpIsReadByASpawnedReader) {
    const auto xls = slurp(KITAP_WORKBOOK_FIXTURES "/rosters.xls");
    ASSERT_FALSE(xls.empty());
    expect_as_cli(upload("readers", "rosters.xls", xls, "&all_sheets=1&dry_run=1"),
                  {"import", "readers", "rosters.xls", "--all-sheets", "--dry-run", "--json"});
    expect_as_cli(upload("readers", "rosters.xls", xls, "&sheet=5%D3%98"),
                  {"import", "readers", "rosters.xls", "--sheet", "5Ә", "--json"});
    EXPECT_EQ(school().count("SELECT COUNT(*) FROM reader"), 2);
    const auto broken = upload("readers", "broken.xls", xls.substr(0, 1000));
    EXPECT_EQ(status(broken), 422);
    EXPECT_EQ(body_of(broken)["rows"][0]["line"], 0);
}

TEST_F(WebActions, MalformedImportsAre400) {
    const auto before = library_state();
    EXPECT_EQ(status(upload("books", "roster.csv", roster)), 400);
    EXPECT_EQ(status(upload("readers", "roster.csv", roster, "&dry_run=maybe")), 400);
    EXPECT_EQ(status(upload("readers", "roster.csv", roster, "&sheet=a&sheet=b")), 400);
    EXPECT_EQ(status(upload("readers", "roster.csv", "")), 400);
    EXPECT_EQ(library_state(), before);
}

// ---- The desk: class sets, returns, settling -------------------------------------------

TEST_F(WebActions, AClassSetAfterItsDryRunAsTheCli) {
    import_small_library();
    const auto before = library_state();
    expect_as_cli(web_.post(librarian_, "/api/issue-set", {{"class", "5Ә"}, {"dry_run", true}}),
                  {"issue-set", "--class", "5Ә", "--dry-run", "--json"});
    EXPECT_EQ(library_state(), before);
    expect_as_cli(web_.post(librarian_, "/api/issue-set", {{"class", "5Ә"}, {"title", textbook}}),
                  {"issue-set", "--class", "5Ә", "--title", textbook, "--json"});
    EXPECT_EQ(school().count("SELECT COUNT(*) FROM loan WHERE returned_at IS NULL"), 2);
    EXPECT_EQ(school().text("SELECT actor_account || ' ' || station FROM event WHERE action NOT LIKE 'web_log%' "
                            "ORDER BY id DESC LIMIT 1"),
              "aigul web");
    const auto unknown = web_.post(librarian_, "/api/issue-set", {{"class", "9Я"}});
    EXPECT_EQ(status(unknown), 400);
    EXPECT_EQ(body_of(unknown)["error"], "unknown_class");
    EXPECT_EQ(twin_run({"issue-set", "--class", "9Я"}).exit_code, 2) << "the CLI's bad input alike";
    EXPECT_EQ(post_status("/api/issue-set", {{"class", 5}}, librarian_), 400);
    EXPECT_EQ(post_status("/api/issue-set", json::object(), librarian_), 400);
}

TEST_F(WebActions, AReturnWithItsConditionThenSettlingAsTheCli) {
    import_small_library();
    expect_as_cli(web_.post(librarian_, "/api/issue-set", {{"class", "5Ә"}}), {"issue-set", "--class", "5Ә", "--json"});
    expect_as_cli(
        web_.post(librarian_, "/api/return", {{"card", "20000014"}, {"isbn", textbook}, {"condition", "lost"}}),
        {"return", "--card", "20000014", "--isbn", textbook, "--condition", "lost", "--json"});
    const auto again = web_.post(librarian_, "/api/return", {{"card", "20000014"}, {"isbn", textbook}});
    EXPECT_EQ(status(again), 409) << "no longer on loan";
    EXPECT_EQ(post_status("/api/return", {{"card", "20000022"}, {"condition", "lost"}}, librarian_), 400)
        << "neither an ISBN nor a copy";
    EXPECT_EQ(post_status("/api/return", {{"card", "20000022"}, {"isbn", textbook}, {"count", 0}}, librarian_), 400);
    expect_as_cli(web_.post(librarian_, "/api/settle", {{"card", "20000014"}, {"as", "paid"}}),
                  {"settle", "20000014", "--as", "paid", "--json"});
    const auto nothing = web_.post(librarian_, "/api/settle", {{"card", "20000014"}});
    EXPECT_EQ(status(nothing), 409);
    EXPECT_EQ(body_of(nothing)["error"], "nothing_to_settle");
    EXPECT_EQ(status(web_.post(librarian_, "/api/settle", {{"card", "99999997"}})), 404);
    EXPECT_EQ(post_status("/api/settle", {{"card", "20000014"}, {"id", -1}}, librarian_), 400);
}

TEST_F(WebActions, TheLibrarianUnblocksACardATerminalBlocked) {
    import_small_library();
    school().db().exec(
        "UPDATE reader SET card_blocked_at = '2024-03-01T09:00:00Z', card_blocked_by = 'sip2:gate' "
        "WHERE card = '20000014'");
    EXPECT_EQ(body_of(web_.get(librarian_, "/api/readers/20000014"))["card_blocked"], true);
    const auto unblocked = web_.post(librarian_, "/api/readers/20000014/unblock", json::object());
    EXPECT_EQ(status(unblocked), 200);
    EXPECT_EQ(body_of(unblocked)["unblocked"], true);
    EXPECT_EQ(body_of(web_.get(librarian_, "/api/readers/20000014"))["card_blocked"], false);
    EXPECT_EQ(school().text("SELECT actor_account || ' ' || station FROM event WHERE action = 'reader_card_unblocked'"),
              "aigul web");
    EXPECT_EQ(body_of(web_.post(librarian_, "/api/readers/20000014/unblock", json::object()))["unblocked"], false);
    EXPECT_EQ(status(web_.post(librarian_, "/api/readers/99999997/unblock", json::object())), 404);
}

// ---- The fund: receipts and write-offs ---------------------------------------------

TEST_F(WebActions, ReceiptsAndWriteOffsAsTheCli) {
    import_small_library();
    expect_as_cli(
        web_.post(librarian_, "/api/receive",
                  {{"isbn", textbook}, {"count", 3}, {"price", "1 500,50"}, {"source", "Waybill 7"}}),
        {"receive", "--isbn", textbook, "--count", "3", "--price", "1 500,50", "--source", "Waybill 7", "--json"});
    const std::string fiction = "9786010000025";
    expect_as_cli(
        web_.post(librarian_, "/api/receive",
                  {{"isbn", fiction}, {"copies", {"10000033", "10000041"}}, {"price", 2000}, {"shelf", "A-2"}}),
        {"receive", "--isbn", fiction, "--copy", "10000033", "--copy", "10000041", "--price", "2000", "--shelf", "A-2",
         "--json"});
    expect_as_cli(web_.post(librarian_, "/api/writeoff", {{"reason", "worn"}, {"isbn", textbook}, {"count", 2}}),
                  {"writeoff", "--reason", "worn", "--isbn", textbook, "--count", "2", "--json"});
    const auto act = school().text("SELECT number FROM writeoff_act");
    expect_as_cli(web_.post(librarian_, "/api/writeoff", {{"reason", "worn"}, {"act", act}, {"copies", {"10000033"}}}),
                  {"writeoff", "--reason", "worn", "--act", act, "--copy", "10000033", "--json"});

    const auto before = library_state();
    for (const auto& refused : {json{{"isbn", textbook}, {"price", "1500"}},  // neither a count nor copies
                                json{{"isbn", textbook}, {"count", 1}, {"price", "cheap"}},
                                json{{"isbn", "9786019999999"}, {"count", 1}, {"price", "1500"}},
                                json{{"isbn", textbook}, {"count", 1.5}, {"price", "1500"}},
                                json{{"isbn", textbook}, {"copies", "10000050"}, {"price", "1500"}}})
        EXPECT_EQ(post_status("/api/receive", refused, librarian_), 400) << refused.dump();
    EXPECT_EQ(post_status("/api/writeoff", {{"reason", "stolen"}, {"isbn", textbook}, {"count", 1}}, librarian_), 400);
    EXPECT_EQ(post_status("/api/writeoff",
                          {{"reason", "worn"}, {"isbn", textbook}, {"copies", {"10000017"}}, {"count", 1}}, librarian_),
              400);
    EXPECT_EQ(library_state(), before);
}

// ---- The year: stocktake and year close ---------------------------------------------

TEST_F(WebActions, AStocktakeStartedAndFinishedAsTheCli) {
    import_small_library();
    expect_as_cli(web_.post(librarian_, "/api/stocktake/start", {{"scope", "kind:fiction"}}),
                  {"stocktake", "start", "--scope", "kind:fiction", "--json"});
    EXPECT_EQ(status(web_.post(librarian_, "/api/stocktake/start", json::object())), 409) << "one is open";
    const auto finished = web_.post(librarian_, "/api/stocktake/finish", json::object());
    ASSERT_EQ(status(finished), 200) << finished->body;
    auto web = body_of(finished);
    auto cli = twin_json({"stocktake", "finish", "--format", "json"});
    // The server's clock stood still at the test's start; the CLI's did not.
    for (auto* report : {&web, &cli})
        for (const auto* moment : {"started_at", "finished_at"}) report->erase(moment);
    EXPECT_EQ(web, cli);
    EXPECT_EQ(web["missing"].size(), 2u);
    EXPECT_EQ(status(web_.post(librarian_, "/api/stocktake/finish", json::object())), 409) << "none is open";
}

TEST_F(WebActions, TheYearCloseDryRunWritesNothingThenTheCloseAsTheCli) {
    import_small_library();
    const auto before = library_state();
    expect_as_cli(web_.post(librarian_, "/api/year/close", {{"dry_run", true}, {"early", true}}),
                  {"year", "close", "--dry-run", "--early"});
    EXPECT_EQ(library_state(), before);
    expect_as_cli(web_.post(librarian_, "/api/year/close", {{"early", true}}), {"year", "close", "--early"});
    EXPECT_EQ(school().count("SELECT COUNT(*) FROM school_year"), 1);
    EXPECT_EQ(post_status("/api/year/close", {{"dry_run", "yes"}}, librarian_), 400);
}

// ---- Who may act ----------------------------------------------------------------------

TEST_F(WebActions, OnlyTheLibrarianActsAndOnlyWithTheCsrfToken) {
    import_small_library();
    const auto before = library_state();
    const auto director = web_.log_in("director");
    const auto teacher = web_.log_in("saule");
    const Browser no_token{.cookie = librarian_.cookie, .csrf = ""};
    const std::vector<std::pair<std::string, json>> actions{
        {"/api/issue-set", {{"class", "5Ә"}}},
        {"/api/return", {{"card", "20000014"}, {"isbn", textbook}}},
        {"/api/settle", {{"card", "20000014"}}},
        {"/api/readers/20000014/unblock", json::object()},
        {"/api/receive", {{"isbn", textbook}, {"count", 1}, {"price", "1500"}}},
        {"/api/writeoff", {{"reason", "worn"}, {"isbn", textbook}, {"count", 1}}},
        {"/api/stocktake/start", json::object()},
        {"/api/stocktake/finish", json::object()},
        {"/api/year/close", {{"early", true}}},
    };
    for (const auto& [path, body] : actions) {
        EXPECT_EQ(post_status(path, body, director), 403) << path;
        EXPECT_EQ(post_status(path, body, teacher), 403) << path;
        const auto refused = web_.post(no_token, path, body);
        EXPECT_EQ(status(refused), 403) << path;
        EXPECT_EQ(body_of(refused)["error"], "csrf") << path;
    }
    EXPECT_EQ(status(upload("readers", "new.csv", "ФИО;Класс;Номер карты\nЖаңа Оқушы;5Ә;20000030\n", "", &teacher)),
              403);
    EXPECT_EQ(status(upload("readers", "new.csv", "ФИО;Класс;Номер карты\nЖаңа Оқушы;5Ә;20000030\n", "", &no_token)),
              403);
    EXPECT_EQ(library_state(), before);
}

}  // namespace
}  // namespace kitap::testing
