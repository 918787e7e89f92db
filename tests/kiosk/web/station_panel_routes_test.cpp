// /api/station/librarian/*: a remote kiosk's librarian panels against a real server on
// 127.0.0.1. Nothing before the librarian's PIN; after it, every answer decodes to what
// the same core call on the same database returns, and the panels' changes (a class
// set, a stocktake, a setting, closing the kiosk) happen as at a local kiosk.
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/wire/panel_wire.hpp"
#include "tests/kiosk/web/web_fixture.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr auto librarian_pin = "135790";
constexpr auto panels = "/api/station/librarian/";

int status(const httplib::Result& result) { return result ? result->status : -1; }

std::string query(const std::string& name, const std::string& value) {
    return "?" + name + "=" + httplib::detail::encode_query_param(value);
}

class StationPanelRoutes : public ::testing::Test {
protected:
    void SetUp() override {
        token_ = web_.add_station("reading-room");
        const auto class_id = school().add_class("2023-2024", 5, "Ә");
        const auto pupil = school().add_reader("20000014", "Әлихан Қасымов", core::ReaderCategory::pupil, class_id);
        school().add_pupil("20000022", class_id);
        textbook_ = school().add_title(TestSchool::isbn(1), "textbook", 3);
        school().db().exec("INSERT INTO curriculum (grade, language, title_id, per_pupil, subject) VALUES (5, 'kk', " +
                           std::to_string(textbook_) + ", 1, 'Математика')");
        const auto novel = school().add_title(TestSchool::isbn(2), "fiction", 0);
        school().add_copy("10000017", novel, "A-1");
        const auto lent = school().add_copy("10000025", novel, "A-1");
        school().lend(pupil, novel, 1, lent);
        school().db().exec("UPDATE loan SET due = '2024-01-10'");  // overdue on the fixture's 2024-01-15
        auto library = web_.open_library();
        ASSERT_EQ(kiosk::store_pin(library.settings(), librarian_pin).value(), kiosk::PinFormat::ok);
    }

    TestSchool& school() { return web_.school(); }
    core::Date today() const { return core::local_date(web_.now()); }

    httplib::Result get(const std::string& panel) { return web_.station_get(token_, panels + panel); }
    httplib::Result post(const std::string& panel, const json& body = json::object()) {
        return web_.station_post(token_, panels + panel, body);
    }
    void unlock() {
        ASSERT_EQ(status(web_.station_post(token_, "/api/station/librarian-pin", {{"pin", librarian_pin}})), 200);
    }

    // The answer as the remote kiosk will read it; fails the test when it does not decode.
    template <typename T>
    T answer_of(const httplib::Result& reply) {
        EXPECT_EQ(status(reply), 200) << (reply ? reply->body : "no reply");
        if (!reply) return {};
        const auto decoded = wire::decode<T>(body_of(reply));
        EXPECT_TRUE(decoded) << (decoded ? "" : decoded.error().text()) << '\n' << reply->body;
        return decoded.value_or(T{});
    }
    template <typename T>
    std::optional<T> maybe_answer_of(const httplib::Result& reply) {
        if (reply && body_of(reply).is_null()) return std::nullopt;
        return answer_of<T>(reply);
    }

    std::vector<std::string> audited(const std::string& prefix) {
        std::vector<std::string> rows;
        auto library = web_.open_library();
        EXPECT_TRUE(library.audit().for_each_entry(core::Timestamp{}, [&](const core::AuditEntry& entry) {
            if (entry.action.starts_with(prefix))
                rows.push_back(entry.action + " " + entry.station + " " + entry.detail);
        }));
        return rows;
    }
    long long textbook_loans() {
        return school().count("SELECT COUNT(*) FROM loan WHERE returned_at IS NULL AND title_id = " +
                              std::to_string(textbook_));
    }
    void expect_locked(const httplib::Result& reply, const std::string& what) {
        EXPECT_EQ(status(reply), 403) << what;
        EXPECT_EQ(body_of(reply)["error"], "librarian_locked") << what;
    }

    WebFixture web_;
    std::string token_;
    core::RowId textbook_ = 0;
};

TEST_F(StationPanelRoutes, EveryPanelWaitsForTheLibrariansPin) {
    const auto every_panel = [&](const std::string& when) {
        for (const auto* panel : {"held-items?card=20000014", "class-provision", "class-progress?class=5A", "provision",
                                  "debtors", "stocktake", "lookup?code=20000014", "demo-samples"})
            expect_locked(get(panel), when + " GET " + panel);
        expect_locked(post("issue-class-set", {{"class", "5Ә"}, {"dry_run", false}}), when + " issue-class-set");
        expect_locked(post("stocktake/start", {{"scope", "all"}}), when + " stocktake/start");
        expect_locked(post("stocktake/finish"), when + " stocktake/finish");
        expect_locked(post("setting", {{"key", "kiosk_language"}, {"value", "ru"}}), when + " setting");
        expect_locked(post("kiosk-closed"), when + " kiosk-closed");
    };
    every_panel("before the PIN:");
    unlock();
    EXPECT_EQ(status(web_.station_post(token_, "/api/station/librarian-leave", json::object())), 204);
    every_panel("back to pupils:");
    EXPECT_EQ(textbook_loans(), 0);
    EXPECT_FALSE(web_.open_library().settings().get("kiosk_language").value());
    EXPECT_FALSE(web_.open_library().stocktake().status().value());
    EXPECT_TRUE(audited("kiosk_closed").empty());
}

TEST_F(StationPanelRoutes, EachPanelAnswersWhatCoreAnswersOnTheSameDatabase) {
    unlock();
    auto library = web_.open_library();
    const auto held = answer_of<std::vector<core::HeldItem>>(get("held-items?card=20000014"));
    EXPECT_EQ(held, library.circulation().held_items("20000014").value());
    EXPECT_EQ(held.size(), 1u);
    EXPECT_TRUE(answer_of<std::vector<core::HeldItem>>(get("held-items?card=99999999")).empty());

    const auto classes = answer_of<std::vector<core::ClassProvision>>(get("class-provision"));
    EXPECT_EQ(classes, library.textbooks().class_provision(today()).value());
    ASSERT_EQ(classes.size(), 1u);
    EXPECT_EQ(classes[0].class_name, "5Ә");

    const auto progress = maybe_answer_of<core::ClassSetProgress>(get("class-progress" + query("class", "5Ә")));
    EXPECT_EQ(progress, library.textbooks().class_progress("5Ә", today()).value());
    ASSERT_TRUE(progress);
    EXPECT_EQ(progress->pupils.size(), 2u);
    const auto none = get("class-progress?class=9Z");
    EXPECT_EQ(status(none), 200);
    EXPECT_EQ(body_of(none), nullptr) << "a class this school year does not have";

    EXPECT_EQ(answer_of<core::ProvisionReport>(get("provision")),
              library.textbooks().provision(std::nullopt, today()).value());
    const auto debtors = answer_of<std::vector<core::ClassDebtors>>(get("debtors"));
    EXPECT_EQ(debtors, library.textbooks().debtors(std::nullopt, today()).value());
    ASSERT_EQ(debtors.size(), 1u);
    EXPECT_EQ(debtors[0].debtors.at(0).name, "Әлихан Қасымов");

    EXPECT_EQ(body_of(get("stocktake")), nullptr) << "none open";
    for (const auto* code : {"20000014", "10000025", "10000017", "9786010000018", "KITAP-DONE", "nothing at all"}) {
        const auto found = answer_of<core::LookupResult>(get("lookup" + query("code", code)));
        EXPECT_EQ(found, library.lookup().what_is(code, 6).value()) << code;
    }
    EXPECT_EQ(answer_of<core::DemoSamples>(get("demo-samples")), library.maintenance().demo_samples(today()).value());
}

TEST_F(StationPanelRoutes, AMissingOrRepeatedParameterIsA400NamingIt) {
    unlock();
    for (const auto& [panel, name] :
         std::vector<std::pair<std::string, std::string>>{{"held-items", "card"},
                                                          {"held-items?card=", "card"},
                                                          {"class-progress?class=5A&class=5B", "class"},
                                                          {"lookup?codes=1", "code"},
                                                          {"lookup" + query("code", std::string(513, '1')), "code"}}) {
        const auto reply = get(panel);
        EXPECT_EQ(status(reply), 400) << panel;
        EXPECT_EQ(body_of(reply)["error"], "bad_request") << panel;
        EXPECT_EQ(body_of(reply)["field"], name) << panel;
    }
    const auto no_class = post("issue-class-set", {{"class_name", "5Ә"}, {"dry_run", false}});
    EXPECT_EQ(status(no_class), 400);
    EXPECT_EQ(body_of(no_class)["field"], "class");
    EXPECT_EQ(body_of(post("issue-class-set", {{"class", "5Ә"}, {"dry_run", "no"}}))["field"], "dry_run");
    EXPECT_EQ(body_of(post("stocktake/start", json::object()))["field"], "scope");
    EXPECT_EQ(textbook_loans(), 0);
}

TEST_F(StationPanelRoutes, AClassSetsDryRunChangesNothingAndTheRealOneLends) {
    unlock();
    const auto dry = answer_of<core::IssueSetOutcome>(post("issue-class-set", {{"class", "5Ә"}, {"dry_run", true}}));
    ASSERT_TRUE(dry.result);
    EXPECT_FALSE(dry.refusal);
    EXPECT_EQ(dry.result->class_name, "5Ә");
    EXPECT_EQ(dry.result->pupils, 2);
    EXPECT_EQ(dry.result->loans, 2);
    EXPECT_EQ(textbook_loans(), 0) << "a dry run writes nothing";

    const auto issued =
        answer_of<core::IssueSetOutcome>(post("issue-class-set", {{"class", "5Ә"}, {"dry_run", false}}));
    EXPECT_EQ(issued, dry) << "the dry run told what the real one does";
    EXPECT_EQ(textbook_loans(), 2);
    EXPECT_EQ(school().count("SELECT COUNT(*) FROM event WHERE action = 'loan' AND station = 'reading-room'"), 2);
    const auto progress = maybe_answer_of<core::ClassSetProgress>(get("class-progress" + query("class", "5Ә")));
    ASSERT_TRUE(progress);
    EXPECT_EQ(progress->complete_sets, 2);

    const auto again = answer_of<core::IssueSetOutcome>(post("issue-class-set", {{"class", "5Ә"}, {"dry_run", false}}));
    ASSERT_TRUE(again.result);
    EXPECT_EQ(again.result->loans, 0) << "every pupil holds the set already";
    const auto unknown =
        answer_of<core::IssueSetOutcome>(post("issue-class-set", {{"class", "9Z"}, {"dry_run", true}}));
    EXPECT_EQ(unknown.refusal, core::IssueSetRefusal::unknown_class);
    EXPECT_FALSE(unknown.result);
}

TEST_F(StationPanelRoutes, AStocktakeStartsIsRefusedWhileOpenAndFinishesIntoItsReport) {
    unlock();
    const auto bad_scope = body_of(post("stocktake/start", {{"scope", "room:5"}}));
    EXPECT_EQ(bad_scope["stocktake_id"], nullptr);
    EXPECT_EQ(wire::decode<core::Refusal>(bad_scope["refusal"]).value().kind, core::RefusalKind::bad_input);
    const auto nothing_open = body_of(post("stocktake/finish"));
    EXPECT_EQ(nothing_open["report"], nullptr);
    EXPECT_EQ(wire::decode<core::Refusal>(nothing_open["refusal"]).value().kind, core::RefusalKind::rule);

    const auto started = post("stocktake/start", {{"scope", "shelf:A-1"}});
    ASSERT_EQ(status(started), 200);
    EXPECT_EQ(body_of(started)["refusal"], nullptr);
    const auto id = body_of(started)["stocktake_id"].get<core::RowId>();
    const auto open = maybe_answer_of<core::StocktakeStatus>(get("stocktake"));
    EXPECT_EQ(open, web_.open_library().stocktake().status().value());
    ASSERT_TRUE(open);
    EXPECT_EQ(open->id, id);
    EXPECT_EQ(open->scope, "shelf:A-1");
    const auto twice = body_of(post("stocktake/start", {{"scope", "all"}}));
    EXPECT_EQ(twice["stocktake_id"], nullptr);
    EXPECT_EQ(wire::decode<core::Refusal>(twice["refusal"]).value().kind, core::RefusalKind::rule);

    const auto finished = body_of(post("stocktake/finish"));
    EXPECT_EQ(finished["refusal"], nullptr);
    const auto report = wire::decode<core::StocktakeReport>(finished["report"]).value();
    EXPECT_EQ(report.id, id);
    EXPECT_EQ(report.expected_copies, 1) << "the copy on loan is not expected on the shelf";
    ASSERT_EQ(report.missing.size(), 1u);
    EXPECT_EQ(report.missing[0].code, "10000017");
    EXPECT_EQ(body_of(get("stocktake")), nullptr);
    EXPECT_EQ(audited("stocktake"),
              (std::vector<std::string>{"stocktake_started reading-room shelf:A-1",
                                        "stocktake_finished reading-room missing 1, unexpected 0"}));
}

// "Find a book" is a pupil's, not the librarian's: no PIN, and never who holds a copy.
TEST_F(StationPanelRoutes, TheCatalogueAnswersWithoutThePinAndNamesNoHolder) {
    const auto reply = web_.station_get(token_, "/api/station/catalog" + query("q", "title"));
    const auto found = answer_of<std::vector<core::CatalogEntry>>(reply);
    ASSERT_EQ(found.size(), 2u);
    const auto& novel = found[0].isbn == TestSchool::isbn(2) ? found[0] : found[1];
    EXPECT_EQ(novel.shelves, std::vector<std::string>{"A-1"});
    EXPECT_EQ(novel.total, 2);
    EXPECT_EQ(novel.available, 1);
    EXPECT_EQ(reply->body.find("20000014"), std::string::npos) << reply->body;
    for (const auto& bad :
         {std::string(), query("q", ""), query("q", std::string(201, 'a')), query("q", "a") + "&q=b"}) {
        const auto refused = web_.station_get(token_, "/api/station/catalog" + bad);
        EXPECT_EQ(status(refused), 400) << bad;
        EXPECT_EQ(body_of(refused)["field"], "q") << bad;
    }
    EXPECT_EQ(status(web_.station_get("not-a-token", "/api/station/catalog" + query("q", "title"))), 401);
}

TEST_F(StationPanelRoutes, TheKiosksSettingsChangeAuditedAndHelloTellsTheLanguage) {
    EXPECT_EQ(body_of(web_.station_get(token_, "/api/station/hello"))["language"], nullptr) << "none chosen yet";
    unlock();
    EXPECT_EQ(status(post("setting", {{"key", "kiosk_language"}, {"value", "ru"}})), 204);
    EXPECT_EQ(status(post("setting", {{"key", "kiosk_idle_timeout_seconds"}, {"value", "60"}})), 204);
    EXPECT_EQ(status(post("setting", {{"key", "kiosk_librarian_lock_seconds"}, {"value", "300"}})), 204);
    const auto hello = body_of(web_.station_get(token_, "/api/station/hello"));
    EXPECT_EQ(hello["language"], "ru");
    EXPECT_EQ(hello["idle_timeout_seconds"], 60);
    EXPECT_EQ(hello["librarian_lock_seconds"], 300);
    EXPECT_EQ(audited("setting_changed"),
              (std::vector<std::string>{"setting_changed reading-room kiosk_language=ru",
                                        "setting_changed reading-room kiosk_idle_timeout_seconds=60",
                                        "setting_changed reading-room kiosk_librarian_lock_seconds=300"}));

    const auto foreign = post("setting", {{"key", std::string(kiosk::librarian_pin_setting)}, {"value", "x"}});
    EXPECT_EQ(status(foreign), 400);
    EXPECT_EQ(body_of(foreign)["field"], "key");
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"kiosk_language", "de"}, {"kiosk_idle_timeout_seconds", "5"}, {"kiosk_librarian_lock_seconds", "soon"}}) {
        const auto refused = post("setting", {{"key", key}, {"value", value}});
        EXPECT_EQ(status(refused), 400) << key;
        EXPECT_EQ(body_of(refused)["field"], "value") << key;
    }
    EXPECT_EQ(body_of(post("setting", {{"key", "kiosk_language"}}))["field"], "value");
    auto library = web_.open_library();
    EXPECT_EQ(library.settings().get("kiosk_language").value(), "ru");
    EXPECT_EQ(library.settings().get("kiosk_idle_timeout_seconds").value(), "60");
    EXPECT_NE(library.settings().get(std::string(kiosk::librarian_pin_setting)).value(), "x")
        << "a foreign key is never written";
    EXPECT_EQ(audited("setting_changed").size(), 3u);
}

TEST_F(StationPanelRoutes, ClosingTheKioskLocksTheLibrariansModes) {
    unlock();
    EXPECT_EQ(status(post("kiosk-closed")), 204);
    expect_locked(get("provision"), "a panel after the kiosk closed");
    expect_locked(web_.station_post(token_, "/api/station/scan",
                                    {{"mode", "desk"}, {"text", "20000014"}, {"symbology", ""}, {"source", ""}}),
                  "the desk after the kiosk closed");
    EXPECT_EQ(audited("kiosk_closed"), (std::vector<std::string>{"kiosk_closed reading-room "}));
    EXPECT_EQ(audited("librarian_locked"), (std::vector<std::string>{"librarian_locked reading-room back_to_pupils"}));
}

TEST_F(StationPanelRoutes, EachPanelCallKeepsTheLibrariansModesOpenUntilTheLockTime) {
    unlock();
    web_.advance(100s);
    EXPECT_EQ(status(get("provision")), 200);
    web_.advance(100s);
    EXPECT_EQ(status(get("debtors")), 200) << "the last call was 100 s ago, within the 120 s lock time";
    web_.advance(120s);
    expect_locked(get("debtors"), "left alone for the lock time");
    EXPECT_EQ(audited("librarian_locked"), (std::vector<std::string>{"librarian_locked reading-room idle_lock"}));
}

}  // namespace
}  // namespace kitap::testing
