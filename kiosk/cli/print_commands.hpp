#pragma once

#include "kiosk/answers/label_answers.hpp"
#include "kiosk/answers/report_answers.hpp"
#include "kiosk/cli/cli_context.hpp"
#include "kiosk/cli/year_commands.hpp"

#include <optional>
#include <string>

namespace kitap::cli {

// kitap labels copies (--new N [--title ISBN] | --copy CODE... | --from CODE --to CODE)
//                      [--symbology code128|codabar] [--layout NAME] [--out FILE.pdf]
// kitap labels readers (--class X | --card C... | --all) [--out FILE.pdf]
// kitap labels commands [--out FILE.pdf]
// PDF goes to --out, or to standard output when that is not a terminal; a note
// on new inventory numbers to standard output, or to stderr when the PDF goes there.
int run_labels(CliContext& context, const answers::LabelsRequest& request, const std::optional<std::string>& out);

// kitap report provision|debtors|register|order|annual, kitap clearance CARD:
// text, JSON and CSV to --out or standard output, PDF and XLSX as the labels.
int run_report(CliContext& context, const answers::ReportRequest& request, const std::optional<std::string>& out);

bool is_document_format(const std::string& format);

// --format pdf and xlsx of a write-off act (`kitap acts --act NUMBER`) and of
// `stocktake finish` (which closes the stocktake, as its text form does).
int run_act_document(CliContext& context, const std::string& number, const std::string& format,
                     const std::optional<std::string>& out);
int run_stocktake_finish_document(CliContext& context, const YearArguments& args);

}  // namespace kitap::cli
