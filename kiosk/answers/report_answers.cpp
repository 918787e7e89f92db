#include "kiosk/answers/report_answers.hpp"

#include "kiosk/answers/documents.hpp"
#include "kiosk/answers/fund_reports.hpp"
#include "kiosk/answers/problem.hpp"
#include "kiosk/answers/textbook_reports.hpp"
#include "kiosk/print/annual_document.hpp"
#include "kiosk/print/clearance_document.hpp"
#include "kiosk/print/debtors_document.hpp"
#include "kiosk/print/order_document.hpp"
#include "kiosk/print/provision_document.hpp"
#include "kiosk/print/register_document.hpp"
#include "kiosk/print/writeoff_act_document.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <memory>

namespace kitap::answers {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<ReportKind, std::string_view>, 6> report_words{{
    {ReportKind::provision, "provision"},
    {ReportKind::debtors, "debtors"},
    {ReportKind::fund_register, "register"},
    {ReportKind::order, "order"},
    {ReportKind::annual, "annual"},
    {ReportKind::clearance, "clearance"},
}};

// One report's content, made lazily in whichever format is asked; a format without
// its maker is one the report does not have.
struct ReportContent {
    std::string name;  // the downloaded file's name without its extension
    std::function<Answer()> json;
    std::function<std::string()> csv;
    std::function<std::string()> text;
    std::function<printing::ReportDocument(const printing::ReportContext&)> document;
};

using ContentOr = tl::expected<ReportContent, Problem>;

Problem bad_parameter(std::string code, const std::string& parameter, std::string message) {
    Problem problem = bad_request(std::move(code), std::move(message));
    problem.details = {{"parameter", parameter}};
    return problem;
}

tl::expected<std::optional<core::ClassName>, Problem> class_filter(const AnswerContext& context,
                                                                   const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    auto parsed = core::parse_class_name(*text);
    if (!parsed.name)
        return tl::unexpected(
            bad_parameter("bad_class", "class", context.tr("print.error.bad_class", {{"class", *text}})));
    return parsed.name;
}

tl::expected<std::string, Problem> required(const AnswerContext& context, const std::optional<std::string>& value,
                                            const std::string& parameter) {
    if (value && !value->empty()) return *value;
    return tl::unexpected(bad_parameter("missing_parameter", parameter,
                                        context.tr("answers.missing_parameter", {{"parameter", parameter}})));
}

Document text_file(std::string bytes, const char* type, std::string filename) {
    return {std::move(bytes), type, std::move(filename)};
}

ContentOr provision_content(const AnswerContext& context, const ReportRequest& request) {
    const auto only = class_filter(context, request.class_name);
    if (!only) return tl::unexpected(only.error());
    const auto report = std::make_shared<const core::ProvisionReport>(
        stored(context.library.textbooks().provision(*only, context.today())));
    const auto& tr = context.tr;
    return ReportContent{
        .name = "provision" + (*only ? "-" + (*only)->text() : std::string()),
        .json = [report] { return provision_json(*report); },
        .csv = [report, &tr] { return provision_csv(*report, tr); },
        .text = [report, &tr] { return provision_text(*report, tr); },
        .document = [report](const printing::ReportContext& c) { return printing::provision_document(*report, c); }};
}

ContentOr debtors_content(const AnswerContext& context, const ReportRequest& request) {
    const auto only = class_filter(context, request.class_name);
    if (!only) return tl::unexpected(only.error());
    const auto as_of = request.as_of ? core::parse_iso_date(*request.as_of) : context.today();
    if (!as_of)
        return tl::unexpected(
            bad_parameter("bad_date", "as_of", context.tr("print.error.bad_date", {{"date", *request.as_of}})));
    const auto classes = std::make_shared<const std::vector<core::ClassDebtors>>(
        stored(context.library.textbooks().debtors(*only, *as_of)));
    const auto& tr = context.tr;
    return ReportContent{
        .name = "debtors" + (*only ? "-" + (*only)->text() : std::string()) + "-" + core::iso_date(*as_of),
        .json = [classes] { return debtors_json(*classes); },
        .csv = [classes] { return debtors_csv(*classes); },
        .text = [classes, &tr] { return debtors_text(*classes, tr); },
        .document = [classes, day = *as_of](
                        const printing::ReportContext& c) { return printing::debtors_document(*classes, day, c); }};
}

ContentOr register_content(const AnswerContext& context, const ReportRequest& request) {
    const auto year = request.year.value_or(stored(context.library.year().current(context.today())));
    auto checked = stored(context.library.reports().register_of(year));
    if (!checked) return tl::unexpected(refusal_problem(checked.error(), context.tr));
    const auto report = std::make_shared<const core::RegisterReport>(std::move(*checked));
    const auto& tr = context.tr;
    return ReportContent{
        .name = "register-" + year,
        .json = [report] { return register_json(*report); },
        .csv = [report, &tr] { return register_csv(*report, tr); },
        .text = [report, &tr] { return register_text(*report, tr); },
        .document = [report](const printing::ReportContext& c) { return printing::register_document(*report, c); }};
}

ContentOr order_content(const AnswerContext& context, const ReportRequest& request) {
    const auto for_year = required(context, request.for_year, "for_year");
    if (!for_year) return tl::unexpected(for_year.error());
    auto checked = stored(
        context.library.reports().order({.for_year = *for_year, .grade1 = request.grade1, .today = context.today()}));
    if (!checked) return tl::unexpected(refusal_problem(checked.error(), context.tr));
    const auto report = std::make_shared<const core::OrderReport>(std::move(*checked));
    const auto& tr = context.tr;
    return ReportContent{
        .name = "order-" + *for_year,
        .json = [report] { return order_json(*report); },
        .csv = [report] { return order_csv(*report); },
        .text = [report, &tr] { return order_text(*report, tr); },
        .document = [report](const printing::ReportContext& c) { return printing::order_document(*report, c); }};
}

ContentOr annual_content(const AnswerContext& context, const ReportRequest& request) {
    const auto year = core::school_year_span(request.year.value_or(core::school_year_of(context.today())));
    if (!year)
        return tl::unexpected(bad_parameter(
            "bad_year", "year", context.tr("print.annual.bad_year", {{"year", request.year.value_or("")}})));
    const auto figures = stored(context.library.reports().annual(*year));
    const auto name = "annual-" + year->name;
    return ReportContent{
        .name = name,
        .json = [year = *year, figures, name]() -> Answer {
            return Document{annual_json(year, figures).dump(2) + "\n", ordered_json_type, name + ".json"};
        },
        .document =
            [&context, year = *year, figures](const printing::ReportContext& c) {
                const auto previous = core::previous_year_span(year);
                const printing::AnnualComparison years{year, figures, previous,
                                                       stored(context.library.reports().annual(previous))};
                return printing::annual_document(years, c);
            }};
}

ContentOr clearance_content(const AnswerContext& context, const ReportRequest& request) {
    const auto card = required(context, request.card, "card");
    if (!card) return tl::unexpected(card.error());
    auto found = stored(context.library.circulation().clearance(*card));
    if (!found) return tl::unexpected(not_found("unknown_reader", context.tr("cli.reader.unknown", {{"card", *card}})));
    const auto clearance = std::make_shared<const core::Clearance>(std::move(*found));
    const auto& tr = context.tr;
    return ReportContent{
        .name = "clearance-" + *card,
        .json = [clearance] { return clearance_json(*clearance); },
        .text = [clearance, &tr] { return clearance_text(*clearance, tr); },
        .document =
            [clearance](const printing::ReportContext& c) { return printing::clearance_document(*clearance, c); }};
}

ContentOr report_content(const AnswerContext& context, const ReportRequest& request) {
    switch (request.kind) {
        case ReportKind::provision:
            return provision_content(context, request);
        case ReportKind::debtors:
            return debtors_content(context, request);
        case ReportKind::fund_register:
            return register_content(context, request);
        case ReportKind::order:
            return order_content(context, request);
        case ReportKind::annual:
            return annual_content(context, request);
        case ReportKind::clearance:
            return clearance_content(context, request);
    }
    return clearance_content(context, request);
}

std::string joined(const std::vector<std::string_view>& words) {
    std::string text;
    for (const auto word : words) text += (text.empty() ? "" : ", ") + std::string(word);
    return text;
}

std::optional<Problem> unknown_format(const AnswerContext& context, std::string_view report,
                                      const std::vector<std::string_view>& formats, const std::string& format) {
    if (std::find(formats.begin(), formats.end(), format) != formats.end()) return std::nullopt;
    return bad_parameter(
        "bad_format", "format",
        context.tr("answers.bad_format",
                   {{"format", format}, {"report", std::string(report)}, {"formats", joined(formats)}}));
}

printing::ReportContext report_context(const AnswerContext& context) {
    return {context.tr, context.config.school.name, context.today()};
}

AnswerOr in_format(const AnswerContext& context, const ReportContent& content, const std::string& format) {
    if (format == "json") return content.json();
    if (format == "csv") return text_file(content.csv(), csv_type, filename_part(content.name) + ".csv");
    if (format == "text") return text_file(content.text(), text_type, filename_part(content.name) + ".txt");
    return report_file(content.document(report_context(context)), format, context.tr, filename_part(content.name));
}

}  // namespace

std::string_view to_string(ReportKind kind) {
    for (const auto& [each, word] : report_words)
        if (each == kind) return word;
    return "provision";
}

std::optional<ReportKind> report_kind_from(std::string_view word) {
    for (const auto& [kind, each] : report_words)
        if (each == word) return kind;
    return std::nullopt;
}

const std::vector<std::string_view>& report_formats(ReportKind kind) {
    static const std::vector<std::string_view> tables{"text", "json", "csv", "pdf", "xlsx"};
    static const std::vector<std::string_view> annual{"json", "pdf", "xlsx"};
    static const std::vector<std::string_view> clearance{"text", "json", "pdf", "xlsx"};
    if (kind == ReportKind::annual) return annual;
    if (kind == ReportKind::clearance) return clearance;
    return tables;
}

AnswerOr report_answer(const AnswerContext& context, const ReportRequest& request) {
    if (auto problem = unknown_format(context, to_string(request.kind), report_formats(request.kind), request.format))
        return tl::unexpected(std::move(*problem));
    return answering([&]() -> AnswerOr {
        const auto content = report_content(context, request);
        if (!content) return tl::unexpected(content.error());
        return in_format(context, *content, request.format);
    });
}

AnswerOr writeoff_act_answer(const AnswerContext& context, const std::string& number, const std::string& format) {
    static const std::vector<std::string_view> formats{"pdf", "xlsx"};
    if (auto problem = unknown_format(context, "act", formats, format)) return tl::unexpected(std::move(*problem));
    return answering([&]() -> AnswerOr {
        const auto act = stored(context.library.fund().writeoff_act_sheet(number));
        if (!act) return tl::unexpected(not_found("unknown_act", context.tr("print.act.unknown", {{"act", number}})));
        return report_file(printing::writeoff_act_document(*act, report_context(context)), format, context.tr,
                           "act-" + filename_part(number));
    });
}

}  // namespace kitap::answers
