#pragma once

#include "kiosk/answers/year_answers.hpp"
#include "kiosk/cli/cli_context.hpp"

#include <optional>
#include <string>
#include <vector>

// The librarian's year beyond circulation: closing a school year, fund movement
// (receipts, write-off acts, the summary register), stocktakes and next year's
// order.
namespace kitap::cli {

// `kitap receive ...` and `kitap writeoff ...`: the request the web console sends
// too (kiosk/answers/year_answers.hpp), and --json.
struct ReceiveArguments {
    answers::ReceiveRequest request;
    bool json = false;
};
struct WriteoffArguments {
    answers::WriteoffRequest request;
    bool json = false;
};

// What the year's commands read from the command line.
struct YearArguments {
    std::optional<std::string> year;  // year close --year, report register --year
    bool dry_run = false;
    bool early = false;
    ReceiveArguments receive;
    WriteoffArguments writeoff;
    bool json = false;
    std::string for_year;
    std::optional<int> grade1;
    std::string scope = "all";
    std::vector<std::string> codes;
    std::string format = "text";     // text, json or csv
    std::optional<std::string> out;  // --out FILE, else standard output
};

int run_year_close(CliContext& context, const YearArguments& args);
int run_receive(CliContext& context, const ReceiveArguments& args);
int run_writeoff(CliContext& context, const WriteoffArguments& args);
int run_acts(CliContext& context, bool json);
int run_stocktake_start(CliContext& context, const std::string& scope, bool json);
int run_stocktake_scan(CliContext& context, const std::vector<std::string>& codes);
int run_stocktake_finish(CliContext& context, const YearArguments& args);

}  // namespace kitap::cli
