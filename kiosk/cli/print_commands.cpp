#include "kiosk/cli/print_commands.hpp"

#include "kiosk/answers/cli_problem.hpp"
#include "kiosk/answers/documents.hpp"
#include "kiosk/answers/problem.hpp"
#include "kiosk/cli/answer_output.hpp"
#include "kiosk/print/stocktake_document.hpp"

#include <iostream>

namespace kitap::cli {

int run_labels(CliContext& context, const answers::LabelsRequest& request, const std::optional<std::string>& out) {
    // Asked first: labels for new numbers hand the numbers out before printing.
    if (!can_deliver_document(context, out)) return exit_bad_input;
    auto labels = answers::labels_answer(answer_context(context), request);
    if (!labels) return answers::tell_cli(labels.error());
    if (labels->allocated) (out ? std::cout : std::cerr) << *labels->allocated << '\n';
    return deliver_answer(context, std::move(labels->pdf), out);
}

int run_report(CliContext& context, const answers::ReportRequest& request, const std::optional<std::string>& out) {
    return deliver_answer(context, answers::report_answer(answer_context(context), request), out);
}

bool is_document_format(const std::string& format) { return format == "pdf" || format == "xlsx"; }

int run_act_document(CliContext& context, const std::string& number, const std::string& format,
                     const std::optional<std::string>& out) {
    return deliver_answer(context, answers::writeoff_act_answer(answer_context(context), number, format), out);
}

int run_stocktake_finish_document(CliContext& context, const YearArguments& args) {
    if (!can_deliver_document(context, args.out)) return exit_bad_input;  // before the stocktake is closed for good
    const auto report = or_fault(context.library().stocktake().finish({.at = CliContext::now()}));
    if (!report) return answers::tell_cli(answers::refusal_problem(report.error(), context.tr()));
    const printing::ReportContext report_context{context.tr(), context.config().school.name,
                                                 core::local_date(CliContext::now())};
    return deliver_answer(context,
                          answers::report_file(printing::stocktake_document(*report, report_context), args.format,
                                               context.tr(), "stocktake"),
                          args.out);
}

}  // namespace kitap::cli
