#pragma once

#include "kiosk/answers/answer.hpp"
#include "kiosk/answers/answer_context.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The reports, in every format each has: `kitap report provision|debtors|register|
// order|annual`, `kitap clearance CARD` and GET /api/reports/{kind}.
namespace kitap::answers {

enum class ReportKind { provision, debtors, fund_register, order, annual, clearance };

// "provision", "debtors", "register", "order", "annual", "clearance": the route's and the command's word.
std::string_view to_string(ReportKind kind);
std::optional<ReportKind> report_kind_from(std::string_view word);

// What a report is asked with: the command's options, the route's query parameters
// (class, as_of, year, for_year, grade1, card, format). Unchecked text: report_answer
// checks it.
struct ReportRequest {
    ReportKind kind = ReportKind::provision;
    std::string format = "json";            // one of report_formats(kind)
    std::optional<std::string> class_name;  // provision, debtors: only this class ("5Ә")
    std::optional<std::string> as_of;       // debtors: YYYY-MM-DD, default today
    std::optional<std::string> year;        // register, annual: "2023-2024", default the current school year
    std::optional<std::string> for_year;    // order: the year to order for (required)
    std::optional<int> grade1;              // order: pupils expected in grade 1
    std::optional<std::string> card;        // clearance: the reader (required)
};

// The formats a report has: "text" (the command line's), "json", "csv", "pdf", "xlsx".
const std::vector<std::string_view>& report_formats(ReportKind kind);

// JSON for "json" (the annual figures as an application/json Document, since their
// key order is the report's); a Document for the others, named after the report and
// what it covers ("debtors-2024-06-01.pdf"). Problems: bad_request "bad_format",
// "bad_class", "bad_date", "bad_year", "missing_parameter" (with details.parameter),
// a refusal of the register or order (its key's last word); not_found "unknown_reader".
AnswerOr report_answer(const AnswerContext& context, const ReportRequest& request);

// A numbered write-off act to sign, as "pdf" or "xlsx" (`kitap acts --act NUMBER
// --format pdf`). Problems: bad_request "bad_format"; not_found "unknown_act".
AnswerOr writeoff_act_answer(const AnswerContext& context, const std::string& number, const std::string& format);

}  // namespace kitap::answers
