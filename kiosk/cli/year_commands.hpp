#pragma once

#include "kiosk/cli/cli_context.hpp"

#include <optional>
#include <string>
#include <vector>

// The librarian's year beyond circulation: closing a school year, fund movement
// (receipts, write-off acts, the summary register), stocktakes and next year's
// order.
namespace kitap::cli {

// `kitap receive --isbn X (--count N | --copy CODE...) --price P [--source TEXT] [--date D] [--shelf S]`
struct ReceiveArguments {
    std::string isbn;
    int count = 0;
    std::vector<std::string> copies;
    std::string shelf;
    std::string price;  // tenge as typed: "1 500,50"
    std::string source;
    std::string date;  // ISO; empty: today
};

// `kitap writeoff --reason worn|curriculum|lost|damaged [--act NUMBER] (--isbn X --count N | --copy CODE...)`
struct WriteoffArguments {
    std::string reason;
    std::string act;  // empty: a new act numbered by year
    std::string isbn;
    int count = 0;
    std::vector<std::string> copies;
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
int run_report_register(CliContext& context, const YearArguments& args);
int run_report_order(CliContext& context, const YearArguments& args);
int run_stocktake_start(CliContext& context, const std::string& scope);
int run_stocktake_scan(CliContext& context, const std::vector<std::string>& codes);
int run_stocktake_finish(CliContext& context, const YearArguments& args);

}  // namespace kitap::cli
