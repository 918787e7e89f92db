#pragma once

#include "kiosk/cli/cli_context.hpp"

#include <optional>
#include <string>

namespace kitap::cli {

struct IssueSetArguments {
    std::string class_name;
    std::optional<std::string> isbn;
    bool dry_run = false;
    bool json = false;
};

struct ReturnArguments {
    std::string card;
    std::optional<std::string> isbn;
    std::optional<std::string> copy;
    int count = 1;
    std::string condition = "good";
    bool json = false;
};

struct ReportArguments {
    std::optional<std::string> class_name;
    std::optional<std::string> as_of;
    std::string format = "text";
    std::optional<std::string> out;
};

int run_curriculum_show(CliContext& context, std::optional<int> grade, std::optional<std::string> language, bool json);
int run_issue_set(CliContext& context, const IssueSetArguments& args);
int run_return(CliContext& context, const ReturnArguments& args);
int run_settle(CliContext& context, const std::string& card, std::optional<long long> id, const std::string& how);
int run_clearance(CliContext& context, const std::string& card, bool json);
int run_report_provision(CliContext& context, const ReportArguments& args);
int run_report_debtors(CliContext& context, const ReportArguments& args);

}  // namespace kitap::cli
