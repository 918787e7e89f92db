// /api/station/*: a kiosk on another PC as a station account, against a real server on
// 127.0.0.1: its token and nothing else, its own stations, the librarian's PIN checked
// by the server, the wire format's bodies, and racing the web desk for one copy.
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/wire/station_wire.hpp"
#include "tests/kiosk/web/web_fixture.hpp"

#include <gtest/gtest.h>

#include <future>

namespace kitap::testing {
namespace {

using namespace std::chrono_literals;
using core::AccountRole;
using nlohmann::json;

constexpr auto librarian_pin = "135790";

class StationRoutes : public ::testing::Test {
protected:
    void SetUp() override {
        web_.add_account("aigul", AccountRole::librarian);
        token_ = web_.add_station("reading-room");
        const auto class_id = school().add_class("2023-2024", 5, "Ә");
        school().add_pupil("20000014", class_id);
        school().add_pupil("20000022", class_id);
        novel_ = school().add_title(TestSchool::isbn(1), "fiction", 0);
        school().add_copy("10000017", novel_);
        auto library = web_.open_library();
        ASSERT_EQ(kiosk::store_pin(library.settings(), librarian_pin).value(), kiosk::PinFormat::ok);
    }

    TestSchool& school() { return web_.school(); }
    long long open_loans(const std::string& barcode = "10000017") {
        return school().count(
            "SELECT COUNT(*) FROM loan l JOIN copy c ON c.id = l.copy_id "
            "WHERE l.returned_at IS NULL AND c.barcode = '" +
            barcode + "'");
    }

    httplib::Result scan(const std::string& code, const std::string& mode = "self") {
        return web_.station_post(token_, "/api/station/scan",
                                 {{"mode", mode}, {"text", code}, {"symbology", "ean13"}, {"source", "wedge"}});
    }
    // The reply as the remote kiosk will read it; fails the test when it does not decode.
    core::StationResult result_of(const httplib::Result& reply) {
        EXPECT_TRUE(reply);
        if (!reply) return {};
        EXPECT_EQ(reply->status, 200) << reply->body;
        const auto decoded = wire::decode<core::StationResult>(body_of(reply));
        EXPECT_TRUE(decoded) << reply->body;
        return decoded.value_or(core::StationResult{});
    }
    httplib::Result librarian(const std::string& pin) {
        return web_.station_post(token_, "/api/station/librarian-pin", {{"pin", pin}});
    }
    std::vector<std::string> audited(const std::string& prefix) {
        std::vector<std::string> rows;
        auto library = web_.open_library();
        EXPECT_TRUE(library.audit().for_each_entry(core::Timestamp{}, [&](const core::AuditEntry& entry) {
            if (entry.action.starts_with(prefix))
                rows.push_back(entry.action + " " + entry.station + " " + entry.account.value_or("-") + " " +
                               entry.detail);
        }));
        return rows;
    }

    WebFixture web_;
    std::string token_;
    core::RowId novel_ = 0;
};

int status(const httplib::Result& result) { return result ? result->status : -1; }

TEST_F(StationRoutes, HelloTellsTheKioskTheServersRules) {
    const auto hello = web_.station_get(token_, "/api/station/hello");
    ASSERT_EQ(status(hello), 200) << hello->body;
    const auto body = body_of(hello);
    EXPECT_EQ(body["station"], "reading-room");
    EXPECT_EQ(body["server_time"], core::iso_timestamp(web_.now()));
    EXPECT_EQ(body["idle_timeout_seconds"], 30);
    EXPECT_EQ(body["commands"]["DONE"], "KITAP-DONE");
    EXPECT_EQ(body["commands"]["MODE-DESK"], "KITAP-MODE-DESK");
    EXPECT_EQ(body["commands"].size(), 10u);
    EXPECT_EQ(hello->get_header_value("Cache-Control"), "no-store");
}

TEST_F(StationRoutes, OnlyAStationsTokenOpensThemAndItOpensNothingElse) {
    const auto none = web_.client().Get("/api/station/hello");
    EXPECT_EQ(status(none), 401);
    EXPECT_EQ(body_of(none)["error"], "no_token");
    EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
    for (const auto& wrong : {std::string("wrong"), token_.substr(1), token_ + token_}) {
        const auto refused = web_.station_get(wrong, "/api/station/hello");
        EXPECT_EQ(status(refused), 401) << wrong;
        EXPECT_EQ(body_of(refused)["error"], "bad_token");
    }
    EXPECT_EQ(status(web_.station_get("", "/api/station/hello")), 401);
    const auto browser = web_.log_in("aigul");
    const auto with_session = web_.get(browser, "/api/station/hello");
    EXPECT_EQ(status(with_session), 403) << "a web session cannot call a station's routes";
    const auto session_scan = web_.post(browser, "/api/station/scan",
                                        {{"mode", "self"}, {"text", "20000014"}, {"symbology", ""}, {"source", ""}});
    EXPECT_EQ(status(session_scan), 403);

    EXPECT_EQ(status(web_.station_get(token_, "/api/stats")), 403) << "nor a station's token anything else";
    const auto desk = web_.client().Post(
        "/api/scan",
        {{"Authorization", "Bearer " + token_}, {"Cookie", browser.cookie}, {"X-CSRF-Token", browser.csrf}},
        R"({"code":"20000014","mode":"desk"})", "application/json");
    EXPECT_EQ(status(desk), 403);
    EXPECT_EQ(body_of(desk)["error"], "forbidden");
    const auto login = web_.client().Post("/api/login", json{{"user", "reading-room"}, {"password", token_}}.dump(),
                                          "application/json");
    EXPECT_EQ(status(login), 401) << "a station never logs in to the console";
    EXPECT_EQ(open_loans(), 0);
}

TEST_F(StationRoutes, ANewTokenEndsTheOldOneAtOnce) {
    ASSERT_EQ(status(scan("20000014")), 200);
    auto library = web_.open_library();
    const auto renewed = library.accounts().renew_token("reading-room", web_.now()).value().value();
    EXPECT_EQ(status(scan("10000017")), 401);
    EXPECT_EQ(open_loans(), 0);
    token_ = renewed.token;
    const auto result = result_of(scan("20000014"));
    EXPECT_EQ(result.last().outcome, core::Outcome::session);
    ASSERT_TRUE(library.accounts().remove("reading-room", web_.now()).value() == std::nullopt);
    EXPECT_EQ(status(scan("10000017")), 401) << "nor does a removed account's";
}

TEST_F(StationRoutes, ASelfServiceVisitLendsAndReturnsInTheWireFormat) {
    const auto card = result_of(scan("20000014"));
    ASSERT_EQ(card.outcomes.size(), 1u);
    EXPECT_EQ(card.last().outcome, core::Outcome::session);
    ASSERT_TRUE(card.session.reader);
    EXPECT_EQ(card.session.reader->card, "20000014");
    EXPECT_EQ(card.session.reader->class_name, "5Ә");
    const auto loan = result_of(scan("10000017"));
    EXPECT_EQ(loan.last().outcome, core::Outcome::loan);
    EXPECT_EQ(loan.last().due, core::Date(std::chrono::year(2024) / 1 / 29));
    ASSERT_EQ(loan.session.held.size(), 1u);
    EXPECT_EQ(loan.session.held[0].item.code, "10000017");
    EXPECT_EQ(open_loans(), 1);
    web_.advance(5s);
    EXPECT_EQ(result_of(scan("10000017")).last().outcome, core::Outcome::returned);
    EXPECT_EQ(open_loans(), 0);
    // The station and the account the audit names are the station account's.
    const auto snapshot = web_.station_get(token_, "/api/station/snapshot?mode=self");
    ASSERT_EQ(status(snapshot), 200);
    EXPECT_EQ(wire::decode<core::SessionSnapshot>(body_of(snapshot)).value().reader->card, "20000014");
}

TEST_F(StationRoutes, CommandsRenewalsAndTheIdleTimeout) {
    result_of(scan("20000014"));
    result_of(scan("10000017"));
    const auto held = web_.station_get(token_, "/api/station/snapshot?mode=self");
    const auto loan_id = body_of(held)["held"][0]["item"]["loan_id"].get<core::RowId>();
    web_.advance(5s);
    const auto renewed =
        result_of(web_.station_post(token_, "/api/station/command", {{"mode", "self"}, {"renew", loan_id}}));
    EXPECT_EQ(renewed.last().outcome, core::Outcome::renewed);
    EXPECT_EQ(renewed.last().renewals, 1);

    result_of(scan("20000022"));
    const auto done =
        result_of(web_.station_post(token_, "/api/station/command", {{"mode", "self"}, {"command", "DONE"}}));
    EXPECT_EQ(done.last().outcome, core::Outcome::ended);
    EXPECT_EQ(done.last().reason, core::Reason::done);
    EXPECT_FALSE(done.session.reader);

    result_of(scan("20000014"));
    EXPECT_EQ(body_of(web_.station_post(token_, "/api/station/expire", {{"mode", "self"}}))["ended"], nullptr);
    web_.advance(31s);
    const auto expired = body_of(web_.station_post(token_, "/api/station/expire", {{"mode", "self"}}));
    EXPECT_EQ(expired["ended"]["reason"], "idle_timeout");
    EXPECT_EQ(expired["session"]["reader"], nullptr);
}

TEST_F(StationRoutes, AReadersPinWithNoneAwaitedIsRefusedAndCancelling) {
    const auto pin = result_of(web_.station_post(token_, "/api/station/pin", {{"pin", "1234"}}));
    EXPECT_EQ(pin.last().outcome, core::Outcome::refused);
    EXPECT_EQ(pin.last().reason, core::Reason::no_pin_pending);
    EXPECT_EQ(status(web_.station_post(token_, "/api/station/cancel-pin", json::object())), 204);
}

TEST_F(StationRoutes, HostileBodiesAreA400NamingTheFieldAndChangeNothing) {
    const auto garbled = web_.client().Post("/api/station/scan", {{"Authorization", "Bearer " + token_}},
                                            R"({"mode": "self", "text": )", "application/json");
    EXPECT_EQ(status(garbled), 400);
    EXPECT_EQ(body_of(garbled)["message"], "the body is not JSON");
    const auto number = web_.station_post(token_, "/api/station/scan",
                                          {{"mode", "self"}, {"text", 20000014}, {"symbology", ""}, {"source", ""}});
    EXPECT_EQ(status(number), 400);
    EXPECT_EQ(body_of(number)["field"], "text");
    const auto mode = web_.station_post(token_, "/api/station/scan",
                                        {{"mode", "SELF"}, {"text", "20000014"}, {"symbology", ""}, {"source", ""}});
    EXPECT_EQ(body_of(mode)["message"], "mode: not the name of a mode");
    const auto command =
        web_.station_post(token_, "/api/station/command", {{"mode", "self"}, {"command", "KITAP-DONE"}});
    EXPECT_EQ(body_of(command)["field"], "command");
    const auto renew = web_.station_post(token_, "/api/station/command", {{"mode", "self"}, {"renew", -1.5}});
    EXPECT_EQ(body_of(renew)["field"], "renew");
    EXPECT_EQ(status(web_.station_get(token_, "/api/station/snapshot")), 400);
    EXPECT_EQ(status(web_.station_post(token_, "/api/station/librarian-pin", {{"pin", "12ab56"}})), 400);
    EXPECT_EQ(body_of(web_.station_get(token_, "/api/station/snapshot?mode=self"))["reader"], nullptr);
    EXPECT_TRUE(audited("pin_").empty()) << "a malformed PIN is not a try";
}

TEST_F(StationRoutes, TheLibrariansModesOpenOnlyAfterHerPinCheckedByTheServer) {
    for (const auto* mode : {"desk", "return", "stocktake"}) {
        const auto locked = scan("20000014", mode);
        EXPECT_EQ(status(locked), 403) << mode;
        EXPECT_EQ(body_of(locked)["error"], "librarian_locked");
    }
    EXPECT_EQ(status(web_.station_get(token_, "/api/station/snapshot?mode=desk")), 403);
    const auto wrong = librarian("000000");
    EXPECT_EQ(status(wrong), 403);
    EXPECT_EQ(body_of(wrong)["error"], "wrong_pin");
    EXPECT_EQ(body_of(wrong)["tries_left"], 4);
    const auto right = librarian(librarian_pin);
    ASSERT_EQ(status(right), 200);
    EXPECT_EQ(body_of(right), (json{{"unlocked", true}}));

    EXPECT_EQ(result_of(scan("20000014", "desk")).last().outcome, core::Outcome::session);
    EXPECT_EQ(result_of(scan("10000017", "desk")).last().outcome, core::Outcome::loan);
    web_.advance(100s);
    EXPECT_EQ(result_of(scan("20000022", "desk")).last().outcome, core::Outcome::session)
        << "each call keeps the librarian's modes open";
    web_.advance(120s);
    EXPECT_EQ(body_of(scan("20000022", "desk"))["error"], "librarian_locked") << "left alone for the lock time";
    EXPECT_EQ(result_of(scan("20000014")).last().outcome, core::Outcome::session) << "self-service goes on";

    ASSERT_EQ(status(librarian(librarian_pin)), 200);
    EXPECT_EQ(status(web_.station_post(token_, "/api/station/librarian-leave", json::object())), 204);
    EXPECT_EQ(status(scan("20000014", "return")), 403);
    EXPECT_EQ(audited("pin_"), (std::vector<std::string>{"pin_wrong reading-room reading-room ",
                                                         "pin_accepted reading-room reading-room ",
                                                         "pin_accepted reading-room reading-room "}));
    EXPECT_EQ(audited("librarian_locked"),
              (std::vector<std::string>{"librarian_locked reading-room reading-room idle_lock",
                                        "librarian_locked reading-room reading-room back_to_pupils"}));
    EXPECT_EQ(audited("loan"), (std::vector<std::string>{"loan reading-room reading-room "}));
}

TEST_F(StationRoutes, WrongPinsLockTheKeypadForEveryKioskAsTheKiosksOwnDoes) {
    for (int i = 0; i < 4; ++i) EXPECT_EQ(body_of(librarian("000000"))["error"], "wrong_pin");
    const auto fifth = librarian("000000");
    EXPECT_EQ(body_of(fifth)["error"], "pin_locked");
    EXPECT_EQ(body_of(fifth)["locked_for_seconds"], 60);
    const auto right = librarian(librarian_pin);
    EXPECT_EQ(status(right), 403) << "locked: the right PIN waits too";
    EXPECT_EQ(body_of(right)["error"], "pin_locked");
    const auto other = web_.add_station("second-floor");
    EXPECT_EQ(body_of(web_.station_post(other, "/api/station/librarian-pin", {{"pin", librarian_pin}}))["error"],
              "pin_locked")
        << "the tries are the database's, not one kiosk's";
    web_.advance(61s);
    EXPECT_EQ(status(librarian(librarian_pin)), 200);
}

// A remote kiosk's pupil and the librarian's web desk scan the same copy at once, many
// times over: every time exactly one of them has it on loan.
TEST_F(StationRoutes, AKioskAndTheWebDeskRacingForOneCopyMakeOneLoan) {
    school().add_reader("30000001", "Мұғалім", core::ReaderCategory::teacher);
    const auto browser = web_.log_in("aigul");
    result_of(scan("20000014"));
    web_.post(browser, "/api/scan", {{"code", "30000001"}, {"mode", "desk"}});
    for (int round = 0; round < 6; ++round) {
        const auto copy = std::to_string(40000000 + round);
        school().add_copy(copy, novel_);
        auto kiosk = std::async(std::launch::async, [&] { return scan(copy); });
        const auto desk = web_.post(browser, "/api/scan", {{"code", copy}, {"mode", "desk"}});
        const auto at_kiosk = kiosk.get();
        EXPECT_EQ(status(at_kiosk), 200);
        EXPECT_EQ(status(desk), 200);
        EXPECT_EQ(open_loans(copy), 1) << copy << '\n' << at_kiosk->body << '\n' << desk->body;
        web_.advance(5s);
    }
}

}  // namespace
}  // namespace kitap::testing
