// The station wire format: every value comes back as it went, with every field set
// and with every optional empty; hostile bodies are refused naming the field.
#include "kiosk/wire/station_wire.hpp"
#include "tests/kiosk/wire/round_trip.hpp"

#include <gtest/gtest.h>

namespace kitap::wire {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using nlohmann::json;

const core::Timestamp t0 = sys_days{2026y / 11 / 25} + 9h + 30min + 15s;
const core::Date due = 2026y / 12 / 9;

core::HeldItem held_item() {
    return {.code = "10000017",
            .title = "Абай жолы",
            .kind = core::TitleKind::fiction,
            .quantity = 2,
            .due = due,
            .loan_id = 42,
            .renewals = 1};
}

core::ReaderSummary reader() {
    return {.card = "20000014", .name = "Әлихан Қасымов", .category = core::ReaderCategory::pupil, .class_name = "5Ә"};
}

// Every field away from its default.
core::StationOutcome full_outcome() {
    return {.code = "10000017",
            .kind = core::CodeKind::copy,
            .outcome = core::Outcome::returned,
            .reason = core::Reason::on_loan_to_other,
            .reader = reader(),
            .title = "Абай жолы",
            .due = due,
            .previous_holder = "20000022",
            .overdue = {held_item(), held_item()},
            .limit = 5,
            .command = core::Command::mode_stocktake,
            .off_curriculum = true,
            .condition = core::Condition::damaged,
            .compensation_tiyn = 1'250'050,
            .stocktake = core::StocktakeScanResult{.code = "10000017",
                                                   .finding = core::StocktakeFinding::unexpected,
                                                   .reason = core::UnexpectedReason::written_off,
                                                   .title = "Абай жолы",
                                                   .counted = 3,
                                                   .repeated = true},
            .until = t0,
            .tries_left = 2,
            .renewals = 1,
            .hold_for = reader(),
            .holds_ready = {{.title = "Қара сөздер", .code = "10000025", .until = due}},
            .asks_for_librarian = true};
}

TEST(StationWire, AReservationAndItsAnswerRoundTrip) {
    const wire::HoldRequest request{.card = "20000014", .title_id = 3};
    EXPECT_EQ(wire::decode<wire::HoldRequest>(json(request)), request);
    const wire::HoldPlaced placed{.refusal = core::HoldRefusal::already_reserved, .title = "Абай жолы", .position = 2};
    EXPECT_EQ(wire::decode<wire::HoldPlaced>(json(placed)), placed);
    EXPECT_EQ(json(placed)["refusal"], "already_reserved");
    auto unknown = json(placed);
    unknown["refusal"] = "because";
    EXPECT_EQ(wire::decode<wire::HoldPlaced>(unknown).error().field, "refusal");
}

core::SessionSnapshot full_session() {
    return {.reader = reader(),
            .held = {{.item = held_item(), .late = true, .renewable = false},
                     {.item = held_item(), .late = false, .renewable = true}},
            .class_set = core::SetProgress{.lines = {{.title_id = 7,
                                                      .isbn = "9786010000001",
                                                      .title = "Математика. 5-сынып. 1-бөлім",
                                                      .subject = "Математика",
                                                      .per_pupil = 1,
                                                      .held = 1}},
                                           .held = 1,
                                           .needed = 12},
            .awaits_pin = true,
            .renewing = true};
}

TEST(StationWire, EveryFieldOfAnOutcomeComesBack) {
    EXPECT_EQ(round_trip(full_outcome()), full_outcome());
    EXPECT_EQ(round_trip(core::StationOutcome{}), core::StationOutcome{}) << "every optional empty";
}

TEST(StationWire, EveryFieldOfASessionAndAResultComesBack) {
    EXPECT_EQ(round_trip(full_session()), full_session());
    EXPECT_EQ(round_trip(core::SessionSnapshot{}), core::SessionSnapshot{});
    const core::StationResult result{.outcomes = {core::StationOutcome{}, full_outcome()}, .session = full_session()};
    EXPECT_EQ(round_trip(result), result);
}

TEST(StationWire, ScansCommandsAndJournalEntriesComeBack) {
    const core::Scan scan{.text = "KITAP-DONE", .symbology = "code128", .source = "camera:0"};
    EXPECT_EQ(round_trip(scan), scan);
    for (const core::StationCommand command :
         {core::StationCommand(core::Command::lost), core::StationCommand(core::RenewLoan{.loan_id = 9'000'000'000})})
        EXPECT_EQ(round_trip(command), command);
    const core::JournalEntry entry{.id = "0123456789abcdef0123456789abcdef",
                                   .station = "reading-room",
                                   .scanned_at = t0,
                                   .card = "20000014",
                                   .code = "10000017",
                                   .mode = core::StationMode::return_};
    EXPECT_EQ(round_trip(entry), entry);
}

TEST(StationWire, WhatAKioskSendsComesBack) {
    const ScanRequest scan{.mode = core::StationMode::stocktake,
                           .scan = {.text = "10000017", .symbology = "ean13", .source = "wedge"}};
    EXPECT_EQ(round_trip(scan), scan);
    EXPECT_EQ(json(scan).dump(), R"({"mode":"stocktake","source":"wedge","symbology":"ean13","text":"10000017"})");
    const CommandRequest renew{.mode = core::StationMode::desk, .command = core::RenewLoan{.loan_id = 5}};
    EXPECT_EQ(round_trip(renew), renew);
    EXPECT_EQ(json(renew).dump(), R"({"mode":"desk","renew":5})");
    const CommandRequest done{.mode = core::StationMode::self, .command = core::Command::done};
    EXPECT_EQ(round_trip(done), done);
    EXPECT_EQ(round_trip(ModeRequest{.mode = core::StationMode::return_}).mode, core::StationMode::return_);
    EXPECT_EQ(round_trip(PinRequest{.pin = "0042"}).pin, "0042");
    EXPECT_EQ(decode<ScanRequest>(json{{"mode", "self"}, {"text", "1"}, {"source", ""}}).error(),
              (WireError{"symbology", "missing"}));
    EXPECT_EQ(decode<PinRequest>(json{{"pin", 1234}}).error(), (WireError{"pin", "expected a string"}));
}

TEST(StationWire, EveryNameOfEveryEnumComesBack) {
    for (const auto mode :
         {core::StationMode::self, core::StationMode::desk, core::StationMode::return_, core::StationMode::stocktake})
        EXPECT_EQ(round_trip(mode), mode);
    for (int i = 0; i <= static_cast<int>(core::Reason::idle_timeout); ++i)
        EXPECT_EQ(round_trip(static_cast<core::Reason>(i)), static_cast<core::Reason>(i)) << i;
    for (int i = 0; i <= static_cast<int>(core::Outcome::renewed); ++i)
        EXPECT_EQ(round_trip(static_cast<core::Outcome>(i)), static_cast<core::Outcome>(i)) << i;
    for (int i = 0; i <= static_cast<int>(core::Command::renew); ++i)
        EXPECT_EQ(round_trip(static_cast<core::Command>(i)), static_cast<core::Command>(i)) << i;
    for (const auto condition :
         {core::Condition::good, core::Condition::worn, core::Condition::damaged, core::Condition::lost})
        EXPECT_EQ(round_trip(condition), condition);
    EXPECT_EQ(round_trip(core::Date(2027y / 2 / 28)), core::Date(2027y / 2 / 28));
    EXPECT_EQ(round_trip(t0), t0);
}

TEST(StationWire, TheEncodingIsTheOneTheKioskReads) {
    // A golden line: names, not numbers; dates and UTC times in ISO 8601; empty optionals as null.
    const json outcome = core::StationOutcome{.code = "10000017",
                                              .kind = core::CodeKind::copy,
                                              .outcome = core::Outcome::loan,
                                              .reader = reader(),
                                              .title = "Абай жолы",
                                              .due = due,
                                              .until = t0};
    EXPECT_EQ(outcome.dump(),
              R"({"asks_for_librarian":false,"code":"10000017","command":null,"compensation_tiyn":null,)"
              R"("condition":null,"due":"2026-12-09","hold_for":null,"holds_ready":[],"kind":"copy","limit":0,)"
              R"("off_curriculum":false,)"
              R"("outcome":"loan","overdue":[],"previous_holder":null,"reader":{"card":"20000014",)"
              R"("category":"pupil","class_name":"5Ә","name":"Әлихан Қасымов"},"reason":"","renewals":0,)"
              R"("stocktake":null,"title":"Абай жолы","tries_left":0,"until":"2026-11-25T09:30:15Z"})");
    EXPECT_EQ(json(core::StationCommand(core::Command::mode_desk)).dump(), R"({"command":"MODE-DESK"})");
    EXPECT_EQ(json(core::StationCommand(core::RenewLoan{12})).dump(), R"({"renew":12})");
}

WireError refusal_of_result(const json& body) {
    const auto decoded = decode<core::StationResult>(body);
    EXPECT_FALSE(decoded);
    return decoded ? WireError{} : decoded.error();
}

TEST(StationWire, AHostileBodyIsRefusedNamingTheField) {
    const json good = core::StationResult{.outcomes = {full_outcome()}, .session = full_session()};
    auto body = good;
    body["outcomes"][0]["due"] = "2026-13-45";
    EXPECT_EQ(refusal_of_result(body).field, "outcomes[0].due");
    body = good;
    body["session"]["held"][1]["item"]["quantity"] = 1e300;
    EXPECT_EQ(refusal_of_result(body), (WireError{"session.held[1].item.quantity", "expected a whole number"}));
    body = good;
    body["session"]["held"][0]["item"]["loan_id"] = 18446744073709551615u;
    EXPECT_EQ(refusal_of_result(body), (WireError{"session.held[0].item.loan_id", "the number is out of range"}));
    body = good;
    body["outcomes"][0]["limit"] = 4294967296;
    EXPECT_EQ(refusal_of_result(body).field, "outcomes[0].limit");
    body = good;
    body["outcomes"][0]["reason"] = "\u001b[2Jnot a reason";
    EXPECT_EQ(refusal_of_result(body), (WireError{"outcomes[0].reason", "not the name of a reason"}))
        << "the name itself is not repeated";
    body = good;
    body["outcomes"][0].erase("stocktake");
    EXPECT_EQ(refusal_of_result(body), (WireError{"outcomes[0].stocktake", "missing"}));
    body = good;
    body["outcomes"] = json::array();
    EXPECT_EQ(refusal_of_result(body).field, "outcomes");
    body = good;
    body["session"]["reader"] = json::array();
    EXPECT_EQ(refusal_of_result(body), (WireError{"session.reader", "expected an object"}));
    EXPECT_EQ(refusal_of_result(json("text")), (WireError{"", "expected an object"}));
    EXPECT_EQ(refusal_of_result(json(nullptr)).message, "expected an object");
}

TEST(StationWire, ACommandIsEitherANameOrALoanToRenew) {
    EXPECT_EQ(decode<core::StationCommand>(json{{"command", "DONE"}, {"renew", 3}}).error().message,
              "give either \"command\" or \"renew\"");
    EXPECT_EQ(decode<core::StationCommand>(json::object()).error().message, "give either \"command\" or \"renew\"");
    EXPECT_EQ(decode<core::StationCommand>(json{{"command", "done"}}).error(),
              (WireError{"command", "not the name of a command"}));
    EXPECT_EQ(decode<core::StationCommand>(json{{"renew", "12"}}).error(),
              (WireError{"renew", "expected a whole number"}));
}

TEST(StationWire, ABodyThatIsNotJsonIsSaidSo) {
    EXPECT_EQ(parse_body("{\"text\": ").error(), (WireError{"", "the body is not JSON"}));
    EXPECT_EQ(parse_body("\xff\xfe").error().message, "the body is not JSON");
    EXPECT_EQ(parse_body(R"({"mode": "self"})").value()["mode"], "self");
}

}  // namespace
}  // namespace kitap::wire
