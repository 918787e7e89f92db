#pragma once

#include "kiosk/answers/desk_answers.hpp"
#include "kiosk/cli/cli_context.hpp"

#include <optional>
#include <string>

namespace kitap::cli {

// `kitap issue-set`, `kitap return`, `kitap settle`: the request the web console
// sends too (kiosk/answers/desk_answers.hpp), and --json.
struct IssueSetArguments {
    answers::IssueSetRequest request;
    bool json = false;
};
struct ReturnArguments {
    answers::ReturnRequest request;
    bool json = false;
};
struct SettleArguments {
    answers::SettleRequest request;
    bool json = false;
};

int run_curriculum_show(CliContext& context, std::optional<int> grade, std::optional<std::string> language, bool json);
int run_issue_set(CliContext& context, const IssueSetArguments& args);
int run_return(CliContext& context, const ReturnArguments& args);
int run_settle(CliContext& context, const SettleArguments& args);

}  // namespace kitap::cli
