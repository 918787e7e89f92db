// The audit log, the write-off acts and the settings over the API: what the CLI
// prints, who may read and change them, and refusals that change nothing.
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "tests/kiosk/web/web_fixture.hpp"
#include "tests/support/cli_run.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using core::AccountRole;

class WebRecords : public ::testing::Test {
protected:
    void SetUp() override {
        // The CLI reads the audit up to the real time: so does the server here.
        web_.advance(web::system_now() - web_.now());
        const auto year = core::school_year_of(core::local_date(web_.now()));
        own_class_ = web_.school().add_class(year, 5, "Ә");
        web_.add_account("aigul", AccountRole::librarian);
        web_.add_account("director", AccountRole::director);
        web_.add_account("saule", AccountRole::teacher, {"5Ә"});
        librarian_ = web_.log_in("aigul");
    }

    // What the built `kitap` prints for ARGS on the same database.
    std::string cli_out(const std::vector<std::string>& args) {
        const auto run = run_kitap({.binary = KITAP_BINARY,
                                    .folder = folder_.path(),
                                    .db = web_.school().path(),
                                    .config_home = folder_.path(),
                                    .args = args});
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return run.out;
    }

    httplib::Result put(const Browser& browser, const std::string& path, const std::string& body,
                        const std::string& csrf) {
        return web_.client().Put(path, {{"Cookie", browser.cookie}, {"X-CSRF-Token", csrf}}, body, "application/json");
    }
    httplib::Result put(const Browser& browser, const std::string& path, const nlohmann::json& body) {
        return put(browser, path, body.dump(), browser.csrf);
    }

    int status(const httplib::Result& result) { return result ? result->status : -1; }

    std::optional<std::string> stored(const std::string& key) {
        return web_.open_library().settings().get(key).value();
    }

    WebFixture web_;
    TempDir folder_;
    Browser librarian_;
    RowId own_class_ = 0;
};

TEST_F(WebRecords, TheAuditIsWhatTheCliPrints) {
    ASSERT_EQ(status(put(librarian_, "/api/settings/kiosk_language", {{"value", "ru"}})), 200);
    const auto audit = web_.get(librarian_, "/api/audit");
    ASSERT_TRUE(audit);
    ASSERT_EQ(audit->status, 200) << audit->body;
    EXPECT_EQ(audit->body, cli_out({"audit", "--json"}));
    const auto entries = body_of(audit);
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.back()["account"], "aigul") << "the console's change is the account's";
    EXPECT_EQ(entries.back()["station"], "web:aigul");

    const auto since = web_.get(librarian_, "/api/audit?since=2026-11-25");
    ASSERT_TRUE(since);
    EXPECT_EQ(since->body, cli_out({"audit", "--since", "2026-11-25", "--json"}));
    const auto bad = web_.get(librarian_, "/api/audit?since=yesterday");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(body_of(bad)["error"], "bad_since");
    EXPECT_EQ(status(web_.get(librarian_, "/api/audit?since=2026-11-25&since=2026-11-26")), 400);
}

TEST_F(WebRecords, TheDirectorReadsTheAuditAndActsAndATeacherNeither) {
    const auto director = web_.log_in("director");
    const auto teacher = web_.log_in("saule");
    EXPECT_EQ(status(web_.get(director, "/api/audit")), 200);
    EXPECT_EQ(status(web_.get(director, "/api/acts")), 200);
    EXPECT_EQ(status(web_.get(teacher, "/api/audit")), 403);
    EXPECT_EQ(status(web_.get(teacher, "/api/acts")), 403);
    EXPECT_EQ(status(web_.get(director, "/api/settings")), 403);
    EXPECT_EQ(status(put(director, "/api/settings/kiosk_language", {{"value", "ru"}})), 403);
    EXPECT_EQ(status(put(director, "/api/librarian-pin", {{"pin", "482915"}})), 403);
    EXPECT_EQ(status(web_.client().Get("/api/audit")), 401) << "no login, no audit";
    EXPECT_EQ(stored("kiosk_language"), std::nullopt);
}

TEST_F(WebRecords, ActsAreWhatTheCliPrints) {
    EXPECT_EQ(body_of(web_.get(librarian_, "/api/acts")), nlohmann::json::parse(cli_out({"acts", "--json"})));
}

TEST_F(WebRecords, SettingsShowTheRulesAndChangeTheKiosks) {
    auto settings = body_of(web_.get(librarian_, "/api/settings"));
    EXPECT_TRUE(settings["school_name"].is_string());
    EXPECT_TRUE(settings["loan_days"]["fiction"].is_number());
    EXPECT_TRUE(settings["loan_limits"]["pupil"].is_number());
    EXPECT_EQ(settings["kiosk"]["kiosk_librarian_lock_seconds"], 120);

    const auto changed = put(librarian_, "/api/settings/kiosk_idle_timeout_seconds", {{"value", "60"}});
    ASSERT_EQ(status(changed), 200) << changed->body;
    EXPECT_EQ(status(put(librarian_, "/api/settings/kiosk_librarian_lock_seconds", {{"value", 300}})), 200)
        << "a number as a number";
    settings = body_of(web_.get(librarian_, "/api/settings"));
    EXPECT_EQ(settings["kiosk"]["kiosk_idle_timeout_seconds"], 60);
    EXPECT_EQ(settings["kiosk"]["kiosk_librarian_lock_seconds"], 300);
}

TEST_F(WebRecords, BadSettingsAndMissingCsrfChangeNothing) {
    const auto below = put(librarian_, "/api/settings/kiosk_idle_timeout_seconds", {{"value", "5"}});
    ASSERT_TRUE(below);
    EXPECT_EQ(below->status, 400);
    EXPECT_EQ(body_of(below)["error"], "below_minimum");
    EXPECT_EQ(status(put(librarian_, "/api/settings/kiosk_language", {{"value", "de"}})), 400);
    EXPECT_EQ(status(put(librarian_, "/api/settings/librarian.pin_hash", {{"value", "x"}})), 400);
    EXPECT_EQ(status(put(librarian_, "/api/settings/kiosk_language", {{"value", true}})), 400);
    EXPECT_EQ(status(put(librarian_, "/api/settings/kiosk_language", "{\"value\":", librarian_.csrf)), 400);
    EXPECT_EQ(status(put(librarian_, "/api/settings/kiosk_language", R"({"value":"ru"})", "")), 403);
    EXPECT_EQ(status(put(librarian_, "/api/settings/kiosk_language", R"({"value":"ru"})", "forged")), 403);
    for (const auto* key : {"kiosk_idle_timeout_seconds", "kiosk_language", "librarian.pin_hash"})
        EXPECT_EQ(stored(key), std::nullopt) << key;
}

TEST_F(WebRecords, TheLibrarianPinTakesTheSetPinRules) {
    const auto pin_key = std::string(kiosk::librarian_pin_setting);
    const auto short_pin = put(librarian_, "/api/librarian-pin", {{"pin", "1234"}});
    ASSERT_TRUE(short_pin);
    EXPECT_EQ(short_pin->status, 400);
    EXPECT_EQ(body_of(short_pin)["error"], "bad_pin");
    EXPECT_EQ(status(put(librarian_, "/api/librarian-pin", {{"pin", "12ab56"}})), 400);
    EXPECT_EQ(status(put(librarian_, "/api/librarian-pin", {{"code", "482915"}})), 400);
    EXPECT_EQ(status(put(librarian_, "/api/librarian-pin", R"({"pin":"482915"})", "")), 403);
    EXPECT_EQ(stored(pin_key), std::nullopt);

    EXPECT_EQ(status(put(librarian_, "/api/librarian-pin", {{"pin", "482915"}})), 200);
    const auto hash = stored(pin_key);
    ASSERT_TRUE(hash);
    EXPECT_EQ(hash->find("482915"), std::string::npos);
}

TEST_F(WebRecords, ReaderSearchShowsATeacherOnlyHerClasses) {
    auto& school = web_.school();
    school.add_pupil("20000014", own_class_);
    school.add_pupil("20000022", school.add_class(core::school_year_of(core::local_date(web_.now())), 6, "А"));
    const auto found = body_of(web_.get(librarian_, "/api/readers?q=pupil"));
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0]["card"], "20000014");
    EXPECT_EQ(found[0]["class"], "5Ә");
    const auto teacher = web_.log_in("saule");
    const auto theirs = body_of(web_.get(teacher, "/api/readers?q=PUPIL"));
    ASSERT_EQ(theirs.size(), 1u);
    EXPECT_EQ(theirs[0]["card"], "20000014");
    const auto empty = web_.get(librarian_, "/api/readers?q=%20");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->status, 400);
    EXPECT_EQ(body_of(empty)["error"], "bad_query");
    EXPECT_EQ(status(web_.get(librarian_, "/api/readers?q=a&q=b")), 400);
}

TEST_F(WebRecords, AReadersHistoryWhenAsked) {
    auto& school = web_.school();
    const auto title = school.add_title(TestSchool::isbn(1), "fiction", 0);
    school.give_back(
        school.lend(school.add_pupil("20000014", own_class_), title, 1, school.add_copy("10000017", title)),
        "2023-10-02T09:00:00Z", "good");
    EXPECT_FALSE(body_of(web_.get(librarian_, "/api/readers/20000014")).contains("history"));
    const auto reader = body_of(web_.get(librarian_, "/api/readers/20000014?history=20"));
    ASSERT_EQ(reader["history"].size(), 1u);
    EXPECT_EQ(reader["history"][0]["code"], "10000017");
    EXPECT_EQ(reader["history"][0]["returned"], "2023-10-02");
    for (const auto* bad : {"-1", "abc", "501", "99999999999"})
        EXPECT_EQ(status(web_.get(librarian_, std::string("/api/readers/20000014?history=") + bad)), 400) << bad;
}

TEST_F(WebRecords, ATitlesCopiesWithTheirHoldersAreNotForTeachers) {
    auto& school = web_.school();
    const auto title = school.add_title(TestSchool::isbn(1), "fiction", 0);
    school.lend(school.add_pupil("20000014", own_class_), title, 1, school.add_copy("10000017", title, "A-1"));
    const auto path = "/api/titles/" + TestSchool::isbn(1) + "/copies";
    const auto copies = body_of(web_.get(librarian_, path));
    ASSERT_EQ(copies.size(), 1u);
    EXPECT_EQ(copies[0]["holder"], "20000014");
    EXPECT_EQ(copies[0]["shelf"], "A-1");
    EXPECT_EQ(status(web_.get(web_.log_in("director"), path)), 200);
    EXPECT_EQ(status(web_.get(web_.log_in("saule"), path)), 403);
    EXPECT_EQ(status(web_.get(librarian_, "/api/titles/" + TestSchool::isbn(9) + "/copies")), 404);
}

}  // namespace
}  // namespace kitap::testing
