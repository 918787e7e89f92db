#include "kiosk/answers/year_answers.hpp"

#include "tests/kiosk/answers/answers_test_library.hpp"

#include <gtest/gtest.h>

namespace kitap::answers {
namespace {

using nlohmann::json;

class YearAnswers : public testing::AnswersTest {
protected:
    void SetUp() override { import_small_library(); }

    long long stock() { return count("SELECT stock FROM title WHERE isbn = '9786010000001'"); }
    std::string class_of(const std::string& card) {
        return school.text(
            "SELECT c.grade || c.letter FROM reader r JOIN school_class c ON c.id = r.class_id WHERE r.card = '" +
            card + "'");
    }
};

TEST_F(YearAnswers, ReceiveAnswersWhatCameIn) {
    const auto received = json_of(receive_answer(
        library, tr, {.isbn = "978-601-00-0000-1", .count = 3, .price = "1 600,50", .by = {.now = now()}}));
    EXPECT_EQ(received["isbn"], "9786010000001");
    EXPECT_EQ(received["copies"], 3);
    EXPECT_DOUBLE_EQ(received["price"].get<double>(), 1600.5);
    EXPECT_DOUBLE_EQ(received["sum"].get<double>(), 3 * 1600.5);
    EXPECT_FALSE(received["message"].get<std::string>().empty());
    EXPECT_EQ(stock(), 5);
}

TEST_F(YearAnswers, ReceiveRefusalsChangeNothing) {
    const auto price = problem_of(
        receive_answer(library, tr, {.isbn = "9786010000001", .count = 1, .price = "abc", .by = {.now = now()}}));
    EXPECT_EQ(price.kind, ProblemKind::bad_request);
    EXPECT_EQ(price.code, "bad_price");
    const auto unknown = problem_of(
        receive_answer(library, tr, {.isbn = "9786010000025", .count = 1, .price = "100", .by = {.now = now()}}));
    EXPECT_EQ(unknown.kind, ProblemKind::bad_request);
    EXPECT_NE(unknown.message.find("9786010000025"), std::string::npos) << unknown.message;
    EXPECT_EQ(stock(), 2);
}

TEST_F(YearAnswers, WriteoffOpensAnActAndRefusesMoreThanIsFree) {
    const auto too_many = problem_of(
        writeoff_answer(library, tr, {.reason = "worn", .isbn = "9786010000001", .count = 3, .by = {.now = now()}}));
    EXPECT_EQ(too_many.kind, ProblemKind::refused);
    EXPECT_EQ(problem_of(writeoff_answer(library, tr, {.reason = "stolen", .isbn = "9786010000001", .count = 1})).code,
              "bad_reason");
    EXPECT_EQ(stock(), 2);

    const auto done = json_of(
        writeoff_answer(library, tr, {.reason = "worn", .isbn = "9786010000001", .count = 1, .by = {.now = now()}}));
    EXPECT_EQ(done["new_act"], true);
    EXPECT_EQ(done["copies"], 1);
    EXPECT_DOUBLE_EQ(done["sum"].get<double>(), 1500.0);
    EXPECT_EQ(done["act"]["reason"], "worn");
    EXPECT_EQ(done["act"]["number"].get<std::string>().substr(4), "-001");
    EXPECT_EQ(stock(), 1);
}

TEST_F(YearAnswers, AStocktakeStartedAndFinished) {
    EXPECT_EQ(problem_of(stocktake_finish_answer(library, tr, {.now = now()})).kind, ProblemKind::refused);
    const auto started = json_of(stocktake_start_answer(library, tr, {.by = {.now = now()}}));
    EXPECT_EQ(started["scope"], "all");
    EXPECT_GT(started["stocktake"].get<int>(), 0);
    EXPECT_EQ(problem_of(stocktake_start_answer(library, tr, {.scope = "shelf:B", .by = {.now = now()}})).kind,
              ProblemKind::refused);

    const auto report = json_of(stocktake_finish_answer(library, tr, {.now = now()}));
    EXPECT_EQ(report["stocktake"], started["stocktake"]);
    EXPECT_EQ(report["expected_copies"], 2);
    EXPECT_EQ(report["found_copies"], 0);
    EXPECT_EQ(report["missing"].size(), 2u);
}

TEST_F(YearAnswers, YearCloseDryRunChangesNothingThenClosesOnce) {
    const auto plan = json_of(year_close_answer(library, tr, {.dry_run = true, .early = true, .by = {.now = now()}}));
    EXPECT_EQ(plan["dry_run"], true);
    EXPECT_EQ(plan["promoted"], (json::array({{{"from", "5Ә"}, {"to", "6Ә"}, {"pupils", 2}}})));
    EXPECT_FALSE(plan["message"].get<std::string>().empty());
    EXPECT_EQ(class_of("20000014"), "5Ә");

    const auto closed = json_of(year_close_answer(library, tr, {.early = true, .by = {.now = now()}}));
    EXPECT_EQ(closed["dry_run"], false);
    EXPECT_EQ(class_of("20000014"), "6Ә");
    const auto again = problem_of(year_close_answer(library, tr, {.early = true, .by = {.now = now()}}));
    EXPECT_EQ(again.kind, ProblemKind::refused);
    EXPECT_NE(again.message.find("already closed"), std::string::npos) << again.message;
}

}  // namespace
}  // namespace kitap::answers
