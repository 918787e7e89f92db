// POST /api/scan: the session's own stations, under CSRF and roles, beside the CLI.
#include "tests/kiosk/web/web_fixture.hpp"
#include "tests/support/cli_run.hpp"

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <future>

namespace kitap::testing {
namespace {

using namespace std::chrono_literals;
using core::AccountRole;

class WebDesk : public ::testing::Test {
protected:
    void SetUp() override {
        web_.add_account("aigul", AccountRole::librarian);
        web_.add_account("director", AccountRole::director);
        const auto class_id = school().add_class("2023-2024", 5, "Ә");
        web_.add_account("teacher", AccountRole::teacher, {"5Ә"});
        school().add_pupil("20000014", class_id);
        school().add_pupil("20000022", class_id);
        novel_ = school().add_title(TestSchool::isbn(1), "fiction", 0);
        school().add_copy("10000017", novel_);
    }

    TestSchool& school() { return web_.school(); }
    long long open_loans() { return school().count("SELECT COUNT(*) FROM loan WHERE returned_at IS NULL"); }

    httplib::Result scan(const Browser& browser, const std::string& code, const std::string& mode = "desk") {
        return web_.post(browser, "/api/scan", {{"code", code}, {"mode", mode}});
    }

    WebFixture web_;
    core::RowId novel_ = 0;
};

TEST_F(WebDesk, ACardThenABookLendsItAsTheCliDeskDoes) {
    const auto browser = web_.log_in("aigul");
    const auto card = scan(browser, "20000014");
    ASSERT_TRUE(card);
    ASSERT_EQ(card->status, 200) << card->body;
    EXPECT_EQ(body_of(card)["outcome"], "session");
    const auto book = scan(browser, "10000017");
    ASSERT_TRUE(book);
    const auto loan = body_of(book);
    EXPECT_EQ(loan["outcome"], "loan");
    EXPECT_FALSE(loan.contains("before"));
    EXPECT_EQ(open_loans(), 1);
}

TEST_F(WebDesk, TheRepliesAreInTheRequestsLanguage) {
    const auto browser = web_.log_in("aigul");
    const auto kazakh =
        web_.client().Post("/api/scan?lang=kk", {{"Cookie", browser.cookie}, {"X-CSRF-Token", browser.csrf}},
                           R"({"code":"10000017","mode":"desk"})", "application/json");
    ASSERT_TRUE(kazakh);
    EXPECT_EQ(body_of(kazakh)["reason"], "no_session");
    EXPECT_EQ(body_of(kazakh)["message"], "Алдымен өз картаңызды оқытыңыз.");
}

TEST_F(WebDesk, EachSessionHasItsOwnStationWithTheDoubleScanGuardAndIdleTimeout) {
    const auto browser = web_.log_in("aigul");
    const auto other = web_.log_in("aigul");
    scan(browser, "20000014");
    const auto elsewhere = body_of(scan(other, "10000017"));
    EXPECT_EQ(elsewhere["reason"], "no_session") << "the other browser's desk has no reader open";
    EXPECT_EQ(body_of(scan(browser, "10000017"))["outcome"], "loan");
    EXPECT_EQ(body_of(scan(browser, "10000017"))["outcome"], "duplicate");
    web_.advance(5min);
    const auto after_idle = body_of(scan(browser, "20000022"));
    EXPECT_EQ(after_idle["outcome"], "session");
    ASSERT_TRUE(after_idle.contains("before"));
    EXPECT_EQ(after_idle["before"].at(0)["outcome"], "ended");
    EXPECT_EQ(after_idle["before"].at(0)["reason"], "idle_timeout");
}

TEST_F(WebDesk, WithoutTheRightCsrfTokenNothingChanges) {
    const auto browser = web_.log_in("aigul");
    const auto missing = web_.client().Post("/api/scan", {{"Cookie", browser.cookie}},
                                            R"({"code":"20000014","mode":"desk"})", "application/json");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 403);
    EXPECT_EQ(body_of(missing)["error"], "csrf");
    const Browser forged{.cookie = browser.cookie, .csrf = std::string(64, 'a')};
    for (const auto* code : {"20000014", "10000017"}) {
        const auto wrong = scan(forged, code);
        ASSERT_TRUE(wrong);
        EXPECT_EQ(wrong->status, 403);
    }
    EXPECT_EQ(open_loans(), 0);
    EXPECT_EQ(body_of(scan(browser, "10000017"))["reason"], "no_session") << "the forged card scan opened nothing";
}

TEST_F(WebDesk, TheDirectorAndTeachersMayNotScan) {
    for (const auto* user : {"director", "teacher"}) {
        const auto browser = web_.log_in(user);
        const auto result = scan(browser, "20000014");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->status, 403) << user;
        EXPECT_EQ(body_of(result)["error"], "forbidden");
    }
    EXPECT_EQ(open_loans(), 0);
}

TEST_F(WebDesk, AScanIsTheAccountsActionInTheAuditLog) {
    const auto browser = web_.log_in("aigul");
    scan(browser, "20000014");
    scan(browser, "10000017");
    auto library = web_.open_library();
    std::vector<std::optional<std::string>> loan_accounts;
    ASSERT_TRUE(library.audit().for_each_entry(core::Timestamp{}, [&](const core::AuditEntry& entry) {
        if (entry.action == "loan") loan_accounts.push_back(entry.account);
    }));
    EXPECT_EQ(loan_accounts, std::vector<std::optional<std::string>>{"aigul"});
}

TEST_F(WebDesk, ALockedDatabaseIsA503Quickly) {
    const auto browser = web_.log_in("aigul");
    SQLite::Database other(school().path().string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    const auto started = std::chrono::steady_clock::now();
    const auto result = scan(browser, "20000014");
    const auto took = std::chrono::steady_clock::now() - started;
    other.exec("ROLLBACK");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 503);
    EXPECT_EQ(body_of(result)["error"], "locked");
    EXPECT_LT(took, 4s);
    EXPECT_EQ(body_of(scan(browser, "20000014"))["outcome"], "session") << "and it works again once the lock is gone";
}

// A CLI desk station and the web desk lend at the same moment on one database: every
// loan of both commits, and the one copy both scan is lent once (the desk moves it).
TEST_F(WebDesk, ACliDeskAndTheWebDeskScanAtOnceAndNothingIsLentTwice) {
    constexpr int per_side = 8;
    std::vector<std::string> cli_codes;
    std::vector<std::string> web_codes;
    for (int i = 0; i < 2 * per_side; ++i) {
        const auto card = std::to_string(30000000 + i);
        const auto copy = std::to_string(40000000 + i);
        school().add_reader(card, "Teacher " + card, core::ReaderCategory::teacher);
        school().add_copy(copy, novel_);
        auto& side = i < per_side ? cli_codes : web_codes;
        side.insert(side.end(), {card, copy, "10000017"});
    }
    const auto browser = web_.log_in("aigul");
    TempDir folder;
    auto cli = std::async(std::launch::async, [&] {
        return run_kitap({.binary = KITAP_BINARY,
                          .folder = folder.path(),
                          .db = school().path(),
                          .config_home = folder.path(),
                          .args = [&] {
                              std::vector<std::string> args{"scan", "--mode", "desk", "--station", "cli-desk"};
                              args.insert(args.end(), cli_codes.begin(), cli_codes.end());
                              return args;
                          }()});
    });
    std::vector<int> web_statuses;
    for (const auto& code : web_codes) {
        const auto result = scan(browser, code);
        web_statuses.push_back(result ? result->status : -1);
    }
    const auto cli_run = cli.get();
    ASSERT_EQ(cli_run.exit_code, 0) << cli_run.err;
    for (const auto status : web_statuses) EXPECT_EQ(status, 200);
    EXPECT_EQ(school().count("SELECT COUNT(*) FROM loan l JOIN copy c ON c.id = l.copy_id "
                             "WHERE l.returned_at IS NULL AND c.barcode LIKE '4%'"),
              2 * per_side);
    EXPECT_EQ(school().count("SELECT COUNT(*) FROM loan l JOIN copy c ON c.id = l.copy_id "
                             "WHERE l.returned_at IS NULL AND c.barcode = '10000017'"),
              1);
}

}  // namespace
}  // namespace kitap::testing
