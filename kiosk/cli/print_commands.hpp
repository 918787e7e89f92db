#pragma once

#include "kiosk/cli/cli_context.hpp"
#include "kiosk/cli/textbook_commands.hpp"
#include "kiosk/cli/year_commands.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::cli {

// kitap labels copies (--new N [--title ISBN] | --copy CODE... | --from CODE --to CODE)
//                      [--symbology code128|codabar] [--layout NAME] [--out FILE.pdf]
struct CopyLabelArguments {
    std::optional<int> new_count;
    std::optional<std::string> isbn;  // --title
    std::vector<std::string> codes;   // --copy
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::string symbology = "code128";
    std::optional<std::string> layout;  // else [labels] layout in the configuration
    std::optional<std::string> out;
};

// kitap labels readers (--class X | --card C... | --all) [--out FILE.pdf]
struct ReaderCardArguments {
    std::optional<std::string> class_name;
    std::vector<std::string> cards;
    bool all = false;
    std::optional<std::string> out;
};

// kitap report annual [--year 2023-2024] [--format json|pdf|xlsx] [--out FILE]
struct AnnualArguments {
    std::optional<std::string> year;  // default: the school year of today
    std::string format = "json";
    std::optional<std::string> out;
};

// PDF and XLSX go to --out, or to standard output when that is not a terminal.
int run_labels_copies(CliContext& context, const CopyLabelArguments& args);
int run_labels_readers(CliContext& context, const ReaderCardArguments& args);
int run_labels_commands(CliContext& context, const std::optional<std::string>& out);
int run_report_annual(CliContext& context, const AnnualArguments& args);

// --format pdf and xlsx of `report provision`, `report debtors` and `clearance`;
// text, json and csv stay with textbook_commands.
bool is_document_format(const std::string& format);
int run_provision_document(CliContext& context, const ReportArguments& args);
int run_debtors_document(CliContext& context, const ReportArguments& args);
int run_clearance_document(CliContext& context, const std::string& card, const std::string& format,
                           const std::optional<std::string>& out);

// --format pdf and xlsx of the fund's documents: a write-off act (`kitap acts
// --act NUMBER`), `report register`, `report order` and `stocktake finish`
// (which closes the stocktake, as its text form does).
int run_act_document(CliContext& context, const std::string& number, const std::string& format,
                     const std::optional<std::string>& out);
int run_register_document(CliContext& context, const YearArguments& args);
int run_order_document(CliContext& context, const YearArguments& args);
int run_stocktake_finish_document(CliContext& context, const YearArguments& args);

}  // namespace kitap::cli
