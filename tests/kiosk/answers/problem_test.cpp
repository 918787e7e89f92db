#include "kiosk/answers/problem.hpp"

#include "kiosk/answers/cli_problem.hpp"

#include <gtest/gtest.h>

namespace kitap::answers {
namespace {

TEST(Problem, AStorageFaultMetWhileAnsweringBecomesAFaultProblem) {
    const auto answer = answering([]() -> AnswerOr {
        stored(core::OrFault<int>(tl::unexpected(core::Fault{core::FaultKind::locked, "database is locked"})));
        return nlohmann::json::object();
    });
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, ProblemKind::fault);
    EXPECT_EQ(answer.error().code, "locked");
    EXPECT_EQ(answer.error().message, "database is locked");
}

TEST(Problem, ARefusalKeepsItsKindAndSaysItsReasonInTheLanguage) {
    const app::Translator english(app::Language::en);
    const auto rule = refusal_problem({core::RefusalKind::rule, "fund.error.unknown_isbn", {{"isbn", "123"}}}, english);
    EXPECT_EQ(rule.kind, ProblemKind::refused);
    EXPECT_EQ(rule.code, "unknown_isbn");
    EXPECT_NE(rule.message.find("123"), std::string::npos) << rule.message;
    const auto input = refusal_problem({core::RefusalKind::bad_input, "fund.error.unknown_isbn", {}}, english);
    EXPECT_EQ(input.kind, ProblemKind::bad_request);
}

TEST(Problem, TheCommandLinesExitCodes) {
    EXPECT_EQ(cli_exit_code(ProblemKind::refused), 1);
    EXPECT_EQ(cli_exit_code(ProblemKind::bad_request), 2);
    EXPECT_EQ(cli_exit_code(ProblemKind::not_found), 2) << "kitap reader/item always answered an unknown code so";
    EXPECT_EQ(cli_exit_code(ProblemKind::bad_rows), 2);
    EXPECT_EQ(cli_exit_code(ProblemKind::fault), 3);
}

}  // namespace
}  // namespace kitap::answers
