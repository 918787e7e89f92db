// The librarian panels on the station wire: every value comes back as it went, with
// every field set (Kazakh text too) and with every optional empty; a hostile body is
// refused naming the field's path.
#include "kiosk/wire/panel_wire.hpp"
#include "tests/kiosk/wire/round_trip.hpp"

#include <gtest/gtest.h>

namespace kitap::wire {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using nlohmann::json;

const core::Date due = 2026y / 12 / 9;

core::SetLine set_line() {
    return {.title_id = 7,
            .isbn = "9786010000001",
            .title = "Қазақ тілі. 5-сынып",
            .subject = "Қазақ тілі",
            .per_pupil = 2,
            .held = 1};
}

core::HeldItem held_item() {
    return {.code = "10000017",
            .title = "Абай жолы",
            .kind = core::TitleKind::textbook,
            .quantity = 2,
            .due = due,
            .loan_id = 42,
            .renewals = 1};
}

core::TitleRecord title_record() {
    return {.id = 3,
            .title = "Математика. 5-сынып. 1-бөлім",
            .isbn = "9786010000018",
            .kind = core::TitleKind::textbook,
            .stock = 30,
            .item_copies = 4,
            .subject = "Математика",
            .price_tiyn = 9'000'000'000};
}

core::HistoryLine history_line() {
    return {.code = "10000017",
            .title = "Абай жолы",
            .reader_card = "20000014",
            .reader_name = "Әлихан Қасымов",
            .quantity = 3,
            .loaned = 2026y / 9 / 1,
            .returned = due};
}

core::ClassSetProgress class_progress() {
    return {.class_name = "5Ә",
            .pupils = {{.card = "20000014",
                        .name = "Әлихан Қасымов",
                        .needed = 12,
                        .held = 11,
                        .missing = {set_line(), set_line()}},
                       {.card = "20000022", .name = "Ұлжан Өмірзақова", .needed = 12, .held = 12, .missing = {}}},
            .needed = 24,
            .held = 23,
            .complete_sets = 1};
}

core::IssueSetOutcome issued_outcome() {
    return {.result =
                core::IssueSetResult{
                    .class_name = "5Ә",
                    .school_year = "2026-2027",
                    .pupils = 25,
                    .complete_sets = 24,
                    .loans = 300,
                    .issued = {{.isbn = "9786010000001", .title = "Қазақ тілі. 5-сынып", .count = 24, .needed = 25}},
                    .shortages = {{.card = "20000022",
                                   .name = "Ұлжан Өмірзақова",
                                   .isbn = "9786010000001",
                                   .title = "Қазақ тілі. 5-сынып",
                                   .missing = 2,
                                   .reason = "textbook_debt"}}},
            .refusal = core::IssueSetRefusal::not_in_curriculum};
}

core::ProvisionReport provision_report() {
    const core::ProvisionLine line{.class_name = "5Ә",
                                   .grade = 5,
                                   .language = "kk",
                                   .isbn = "9786010000001",
                                   .title = "Қазақ тілі. 5-сынып",
                                   .subject = "Қазақ тілі",
                                   .pupils = 25,
                                   .needed = 50,
                                   .issued = 47,
                                   .provision_pct = 94.0 / 3,
                                   .free_stock = 6};
    return {.school_year = "2026-2027",
            .lines = {line, line, line},
            .grades = {{.grade = 5, .pupils = 50, .needed = 100, .issued = 99, .provision_pct = 99.5}}};
}

std::vector<core::ClassDebtors> debtors() {
    return {
        {.class_name = "5Ә",
         .debtors =
             {{.card = "20000014",
               .name = "Әлихан Қасымов",
               .items = {{.code = "10000017", .title = "Абай жолы", .kind = "textbook", .quantity = 2, .due = due}}}}},
        {.class_name = "", .debtors = {}}};
}

core::StocktakeReport stocktake_report() {
    return {.id = 4,
            .scope = "shelf:Ә-3",
            .started_at = "2026-11-25T09:00:00Z",
            .finished_at = "2026-11-25T11:30:00Z",
            .scans = 210,
            .expected_copies = 200,
            .found_copies = 198,
            .missing = {{.code = "10000017", .title = "Абай жолы", .shelf = "Ә-3", .reason = {}}},
            .unexpected = {{.code = "10000025",
                            .title = "Көшпенділер",
                            .shelf = "Б-1",
                            .reason = core::UnexpectedReason::written_off},
                           {.code = "99999", .title = "", .shelf = "", .reason = core::UnexpectedReason::unknown}},
            .titles = {{.isbn = "9786010000001", .title = "Қазақ тілі. 5-сынып", .expected = 6, .counted = 5}}};
}

core::LookupResult reader_lookup() {
    return {.kind = core::CodeKind::reader,
            .code = "20000014",
            .reader = core::ReaderFacts{.reader = {.id = 9,
                                                   .card = "20000014",
                                                   .name = "Әлихан Қасымов",
                                                   .category = core::ReaderCategory::teacher,
                                                   .class_name = "5Ә",
                                                   .active = false},
                                        .held = {held_item()},
                                        .history = {history_line(), history_line()}},
            .copy = core::CopyFacts{.copy = {.id = 11,
                                             .barcode = "10000017",
                                             .status = core::CopyStatus::written_off,
                                             .title = title_record()},
                                    .whereabouts = core::CopyWhereabouts::on_loan,
                                    .holder_card = "20000022",
                                    .holder = core::ReaderSummary{.card = "20000022",
                                                                  .name = "Ұлжан Өмірзақова",
                                                                  .category = core::ReaderCategory::pupil,
                                                                  .class_name = "5Ә"},
                                    .due = due,
                                    .history = {history_line()}},
            .title = core::TitleFacts{.title = title_record(), .on_loan = 2},
            .uncatalogued_isbn = "9786010000025",
            .command = core::Command::renew};
}

core::DemoSamples demo_samples() {
    return {.pupil_card = "20000014",
            .overdue_pupil_card = "20000022",
            .teacher_card = "30000001",
            .free_copy = "10000017",
            .borrowed_copy = "10000025",
            .textbook_isbn = "9786010000001",
            .pupil_without_set_card = "20000030",
            .class_without_set = "5Ә",
            .missing_textbook_isbn = "9786010000018"};
}

TEST(PanelWire, WhatAKioskAsksComesBackInTheFieldsTheSpecNames) {
    const IssueClassSetRequest issue{.class_name = "5Ә", .dry_run = false};
    EXPECT_EQ(round_trip(issue), issue);
    EXPECT_EQ(json(issue).dump(), R"({"class":"5Ә","dry_run":false})");
    const StocktakeStartRequest start{.scope = "kind:textbook"};
    EXPECT_EQ(round_trip(start), start);
    EXPECT_EQ(json(start).dump(), R"({"scope":"kind:textbook"})");
    const SettingRequest setting{.key = "kiosk_language", .value = "kk"};
    EXPECT_EQ(round_trip(setting), setting);
    EXPECT_EQ(json(setting).dump(), R"({"key":"kiosk_language","value":"kk"})");
    EXPECT_EQ(decode<IssueClassSetRequest>(json{{"class_name", "5Ә"}, {"dry_run", true}}).error(),
              (WireError{"class", "missing"}));
}

TEST(PanelWire, RefusalsComeBackWithTheirKindAndArguments) {
    const core::Refusal refusal{.kind = core::RefusalKind::bad_input,
                                .key = "stocktake.error.bad_scope",
                                .args = {{"scope", "сөре:3"}, {"other", ""}}};
    EXPECT_EQ(round_trip(refusal), refusal);
    EXPECT_EQ(json(refusal).dump(),
              R"({"args":{"other":"","scope":"сөре:3"},"key":"stocktake.error.bad_scope","kind":"bad_input"})");
    EXPECT_EQ(round_trip(core::Refusal{}), core::Refusal{});
    EXPECT_EQ(json(core::Refusal{}).dump(), R"({"args":{},"key":"","kind":"rule"})");
    EXPECT_EQ(decode<core::Refusal>(json{{"kind", "rule"}, {"key", "k"}, {"args", {{"scope", 3}}}}).error(),
              (WireError{"args.scope", "expected a string"}));
    EXPECT_EQ(decode<core::Refusal>(json{{"kind", "Rule"}, {"key", "k"}, {"args", json::object()}}).error(),
              (WireError{"kind", "not the name of a kind of refusal"}));
}

TEST(PanelWire, ClassSetsComeBack) {
    const std::vector<core::ClassProvision> classes{
        {.class_name = "11Ғ", .grade = 11, .pupils = 20, .needed = 240, .held = 239, .has_curriculum = true}, {}};
    EXPECT_EQ(round_trip(classes), classes);
    EXPECT_EQ(round_trip(class_progress()), class_progress());
    EXPECT_EQ(round_trip(core::ClassSetProgress{}), core::ClassSetProgress{});
    EXPECT_EQ(round_trip(issued_outcome()), issued_outcome());
    EXPECT_EQ(round_trip(core::IssueSetOutcome{}), core::IssueSetOutcome{});
    for (const auto refusal : {core::IssueSetRefusal::unknown_class, core::IssueSetRefusal::no_curriculum,
                               core::IssueSetRefusal::not_in_curriculum})
        EXPECT_EQ(round_trip(refusal), refusal);
    EXPECT_EQ(json(core::IssueSetOutcome{.refusal = core::IssueSetRefusal::unknown_class}).dump(),
              R"({"refusal":"unknown_class","result":null})");
}

TEST(PanelWire, ReportsComeBackToTheLastDigit) {
    EXPECT_EQ(round_trip(provision_report()), provision_report());
    EXPECT_EQ(round_trip(core::ProvisionReport{}), core::ProvisionReport{});
    EXPECT_EQ(round_trip(debtors()), debtors());
}

TEST(PanelWire, StocktakesComeBack) {
    const core::StocktakeStatus status{
        .id = 4, .scope = "all", .started_at = "2026-11-25T09:00:00Z", .scans = 12, .copies_found = 10};
    EXPECT_EQ(round_trip(status), status);
    EXPECT_EQ(round_trip(stocktake_report()), stocktake_report());
    EXPECT_EQ(round_trip(core::StocktakeReport{}), core::StocktakeReport{});
}

TEST(PanelWire, LookupsAndDemoSamplesComeBack) {
    EXPECT_EQ(round_trip(reader_lookup()), reader_lookup());
    EXPECT_EQ(round_trip(core::LookupResult{}), core::LookupResult{}) << "every optional empty";
    const auto no_isbn = core::TitleFacts{.title = {.id = 1, .title = "Газет", .isbn = std::nullopt}, .on_loan = 0};
    EXPECT_EQ(round_trip(no_isbn), no_isbn);
    for (const auto whereabouts : {core::CopyWhereabouts::available, core::CopyWhereabouts::on_loan,
                                   core::CopyWhereabouts::lost, core::CopyWhereabouts::written_off})
        EXPECT_EQ(round_trip(whereabouts), whereabouts);
    EXPECT_EQ(round_trip(demo_samples()), demo_samples());
    EXPECT_EQ(round_trip(core::DemoSamples{}), core::DemoSamples{});
    EXPECT_EQ(json(core::DemoSamples{.class_without_set = "5Ә"})["class_without_set"], "5Ә");
    EXPECT_EQ(json(core::DemoSamples{})["pupil_card"], nullptr) << "every field written, null when empty";
}

template <typename T>
WireError refusal_of(const json& body) {
    const auto decoded = decode<T>(body);
    EXPECT_FALSE(decoded);
    return decoded ? WireError{} : decoded.error();
}

TEST(PanelWire, AHostileBodyIsRefusedNamingTheFieldsPath) {
    json body = provision_report();
    body["lines"][2]["grade"] = "5";
    EXPECT_EQ(refusal_of<core::ProvisionReport>(body), (WireError{"lines[2].grade", "expected a whole number"}));
    body = provision_report();
    body["grades"][0]["provision_pct"] = "99.5";
    EXPECT_EQ(refusal_of<core::ProvisionReport>(body), (WireError{"grades[0].provision_pct", "expected a number"}));
    body = class_progress();
    body["pupils"][0]["missing"][1].erase("isbn");
    EXPECT_EQ(refusal_of<core::ClassSetProgress>(body), (WireError{"pupils[0].missing[1].isbn", "missing"}));
    body = reader_lookup();
    body["copy"]["copy"]["title"]["isbn"] = 9786010000018;
    EXPECT_EQ(refusal_of<core::LookupResult>(body), (WireError{"copy.copy.title.isbn", "expected a string"}));
    body = reader_lookup();
    body["copy"]["whereabouts"] = "shelf";
    EXPECT_EQ(refusal_of<core::LookupResult>(body),
              (WireError{"copy.whereabouts", "not the name of a copy's whereabouts"}));
    body = reader_lookup();
    body["reader"]["history"][1]["returned"] = "2026-02-30";
    EXPECT_EQ(refusal_of<core::LookupResult>(body).field, "reader.history[1].returned");
    body = issued_outcome();
    body["result"]["shortages"] = json::object();
    EXPECT_EQ(refusal_of<core::IssueSetOutcome>(body), (WireError{"result.shortages", "expected a list"}));
    body = stocktake_report();
    body["id"] = -1.5;
    EXPECT_EQ(refusal_of<core::StocktakeReport>(body).field, "id");
    EXPECT_EQ(refusal_of<core::ClassDebtors>(json{{"class_name", "5Ә"}}), (WireError{"debtors", "missing"}));
    EXPECT_EQ(refusal_of<core::DemoSamples>(json::array()), (WireError{"", "expected an object"}));
}

}  // namespace
}  // namespace kitap::wire
