// What `kitap stations` and `kitap exceptions` answer, and the problems of settling one.
#include "kiosk/answers/station_answers.hpp"

#include "tests/kiosk/answers/answers_fixture.hpp"

#include <nlohmann/json.hpp>

namespace kitap::answers {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

class StationAnswersTest : public testing::AnswersFixture {
protected:
    void SetUp() override {
        add_small_school();  // 20000014 holds the copy 10000017
        add_pupil("20000048", class_5a, "left");
        auto stations = library().stations();
        ASSERT_TRUE(stations.record_seen("kiosk-2", 3, now() - 30s));
        ASSERT_TRUE(stations.record_seen("reading-room", 0, now() - 1h));
        const auto scanned = now() - 1h;
        ASSERT_TRUE(stations.replay(
            "kiosk-2",
            {{.id = "a1", .station = "kiosk-2", .scanned_at = scanned, .card = "20000022", .code = "10000017"},
             {.id = "a2", .station = "kiosk-2", .scanned_at = scanned + 1min, .card = "20000048", .code = "10000025"}},
            now()));
    }

    core::Library& library() { return context().library; }
    core::Timestamp now() { return context().now; }

    static Problem problem(const AnswerOr& answer) { return answer ? Problem{} : answer.error(); }
};

TEST_F(StationAnswersTest, StationsAreListedByNameWithTheirStateAndJournal) {
    EXPECT_EQ(std::get<json>(stations_answer(context()).value()), json::parse(R"([
        {"name": "kiosk-2", "online": true, "last_seen": "2024-03-01T11:59:30Z", "journal_waiting": 3},
        {"name": "reading-room", "online": false, "last_seen": "2024-03-01T11:00:00Z", "journal_waiting": 0}])"));
}

TEST_F(StationAnswersTest, OpenExceptionsCarryTheScanAndWhyItWasRefused) {
    EXPECT_EQ(std::get<json>(exceptions_answer(context()).value()), json::parse(R"([
        {"id": 1, "station": "kiosk-2", "scanned_at": "2024-03-01T11:00:00Z", "card": "20000022",
         "code": "10000017", "reason": "on_loan_to_other", "mode": "self", "listed_at": "2024-03-01T12:00:00Z"},
        {"id": 2, "station": "kiosk-2", "scanned_at": "2024-03-01T11:01:00Z", "card": "20000048",
         "code": "10000025", "reason": "reader_left", "mode": "self", "listed_at": "2024-03-01T12:00:00Z"}])"));
}

TEST_F(StationAnswersTest, AcceptingMovesTheCopyAndSaysSo) {
    const auto accepted = std::get<json>(accept_exception_answer(context(), "1", "web").value());
    EXPECT_EQ(accepted["settled"], "accepted");
    EXPECT_EQ(accepted["outcome"]["outcome"], "loan");
    EXPECT_EQ(accepted["outcome"]["mode"], "desk");
    EXPECT_EQ(accepted["message"].get<std::string>().rfind("Exception 1 accepted at the desk's rules: ", 0), 0u)
        << accepted["message"];
    EXPECT_EQ(library().circulation().held_items("20000022").value().size(), 1u);
    EXPECT_EQ(std::get<json>(exceptions_answer(context()).value()).size(), 1u);
}

TEST_F(StationAnswersTest, WhatCannotBeSettledSaysWhyWithItsKind) {
    const auto bad = problem(accept_exception_answer(context(), "1x", "cli"));
    EXPECT_EQ(bad.kind, ProblemKind::bad_request);
    EXPECT_EQ(bad.code, "bad_exception_id");
    EXPECT_NE(bad.message.find("\"1x\""), std::string::npos) << bad.message;
    EXPECT_EQ(problem(discard_exception_answer(context(), "-1", "cli")).code, "bad_exception_id");
    EXPECT_EQ(problem(discard_exception_answer(context(), "", "cli")).code, "bad_exception_id");

    const auto unknown = problem(discard_exception_answer(context(), "9", "cli"));
    EXPECT_EQ(unknown.kind, ProblemKind::not_found);
    EXPECT_EQ(unknown.message, "There is no exception number 9. Nothing was changed.");

    const auto left = problem(accept_exception_answer(context(), "2", "cli"));
    EXPECT_EQ(left.kind, ProblemKind::refused);
    EXPECT_EQ(left.code, "reader_left");
    EXPECT_EQ(left.message.rfind("Exception 2 stays open", 0), 0u) << left.message;

    ASSERT_TRUE(discard_exception_answer(context(), "2", "cli"));
    const auto again = problem(accept_exception_answer(context(), "2", "cli"));
    EXPECT_EQ(again.kind, ProblemKind::bad_request);
    EXPECT_EQ(again.code, "already_settled");
}

}  // namespace
}  // namespace kitap::answers
