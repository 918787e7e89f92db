#include "kiosk/answers/desk_answers.hpp"

#include "tests/kiosk/answers/answers_test_library.hpp"

#include <gtest/gtest.h>

namespace kitap::answers {
namespace {

using nlohmann::json;

class DeskAnswers : public testing::AnswersTest {
protected:
    void SetUp() override { import_small_library(); }

    long long open_loans() { return count("SELECT COUNT(*) FROM loan WHERE returned_at IS NULL"); }

    AnswerOr issue(const std::string& class_name, bool dry_run = false) {
        return issue_set_answer(library, tr, {.class_name = class_name, .dry_run = dry_run, .now = now()});
    }
};

TEST_F(DeskAnswers, IssueSetDryRunAnswersAndChangesNothing) {
    const auto plan = json_of(issue("5Ә", true));
    EXPECT_EQ(plan["dry_run"], true);
    EXPECT_EQ(plan["class"], "5Ә");
    EXPECT_EQ(plan["pupils"], 2);
    EXPECT_EQ(
        plan["issued"],
        (json::array(
            {{{"isbn", "9786010000001"}, {"title", "Математика. 5-сынып. 1-бөлім"}, {"count", 2}, {"needed", 2}}})));
    EXPECT_EQ(open_loans(), 0);

    const auto done = json_of(issue("5ә"));
    EXPECT_EQ(done["dry_run"], false);
    EXPECT_EQ(done["loans"], 2);
    EXPECT_TRUE(done["shortages"].empty());
    EXPECT_EQ(open_loans(), 2);
}

TEST_F(DeskAnswers, IssueSetRefusals) {
    const auto unknown = problem_of(issue("9Б"));
    EXPECT_EQ(unknown.kind, ProblemKind::bad_request);
    EXPECT_EQ(unknown.code, "unknown_class");
    EXPECT_NE(unknown.message.find("9Б"), std::string::npos);

    json_of(import_text(ImportKind::readers, "name,class,card\nСерікова Дана,7В,20000030\n"));
    const auto no_curriculum = problem_of(issue("7В"));
    EXPECT_EQ(no_curriculum.kind, ProblemKind::refused);
    EXPECT_EQ(no_curriculum.code, "no_curriculum");
    EXPECT_EQ(open_loans(), 0);
}

TEST_F(DeskAnswers, ReturnWithConditionOwesCompensationThenSettle) {
    json_of(issue("5Ә"));
    const auto returned = json_of(
        return_answer(library, tr, {.card = "20000014", .isbn = "9786010000001", .condition = "lost", .now = now()}));
    EXPECT_EQ(returned, (json{{"card", "20000014"},
                              {"title", "Математика. 5-сынып. 1-бөлім"},
                              {"returned", 1},
                              {"condition", "lost"},
                              {"compensation", 1500.0}}));
    EXPECT_EQ(open_loans(), 1);

    const auto settled = json_of(settle_answer(library, tr, {.card = "20000014", .how = "waived", .now = now()}));
    EXPECT_EQ(settled["settled"], 1);
    EXPECT_EQ(settled["message"], tr("textbooks.settle.done", {{"count", "1"}, {"card", "20000014"}}));
    const auto again = problem_of(settle_answer(library, tr, {.card = "20000014", .now = now()}));
    EXPECT_EQ(again.kind, ProblemKind::refused);
    EXPECT_EQ(again.code, "nothing_to_settle");
}

TEST_F(DeskAnswers, ReturnRefusals) {
    const auto not_on_loan =
        problem_of(return_answer(library, tr, {.card = "20000014", .isbn = "9786010000001", .now = now()}));
    EXPECT_EQ(not_on_loan.kind, ProblemKind::refused);
    EXPECT_EQ(not_on_loan.code, "not_on_loan");
    const auto unknown_reader =
        problem_of(return_answer(library, tr, {.card = "99999999", .isbn = "9786010000001", .now = now()}));
    EXPECT_EQ(unknown_reader.kind, ProblemKind::bad_request);
    EXPECT_EQ(unknown_reader.code, "unknown_reader");
    for (const ReturnRequest& malformed :
         {ReturnRequest{.card = "20000014", .now = now()},
          ReturnRequest{.card = "20000014", .isbn = "9786010000001", .copy = "10000017", .now = now()},
          ReturnRequest{.card = "20000014", .isbn = "9786010000001", .count = 0, .now = now()},
          ReturnRequest{.card = "20000014", .isbn = "9786010000001", .condition = "wet", .now = now()}})
        EXPECT_EQ(problem_of(return_answer(library, tr, malformed)).kind, ProblemKind::bad_request);
}

TEST_F(DeskAnswers, SettleRefusals) {
    const auto unknown = problem_of(settle_answer(library, tr, {.card = "99999999", .now = now()}));
    EXPECT_EQ(unknown.kind, ProblemKind::not_found);
    EXPECT_EQ(unknown.code, "unknown_reader");
    const auto how = problem_of(settle_answer(library, tr, {.card = "20000014", .how = "stolen", .now = now()}));
    EXPECT_EQ(how.code, "bad_settlement");
}

}  // namespace
}  // namespace kitap::answers
