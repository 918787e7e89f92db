#include "kiosk/print/stocktake_document.hpp"

namespace kitap::printing {
namespace {

ReportSection copies_section(const std::string& heading, const std::vector<core::StocktakeCopyLine>& lines,
                             const app::Translator& tr) {
    ReportSection section{.heading = heading,
                          .columns = {{tr("stocktake.column.code"), 1.6},
                                      {tr("stocktake.column.title"), 5},
                                      {tr("stocktake.column.shelf"), 1.2},
                                      {tr("stocktake.column.reason"), 2}}};
    for (const auto& line : lines)
        section.rows.push_back({text_cell(line.code), text_cell(line.title), text_cell(line.shelf),
                                text_cell(line.reason == core::UnexpectedReason::none
                                              ? ""
                                              : tr("stocktake.word." + std::string(to_string(line.reason))))});
    return section;
}

ReportSection titles_section(const core::StocktakeReport& report, const app::Translator& tr) {
    ReportSection section{.heading = tr("print.stocktake.titles"),
                          .columns = {{tr("order.column.isbn"), 2},
                                      {tr("stocktake.column.title"), 5},
                                      {tr("stocktake.column.expected"), 1.2},
                                      {tr("stocktake.column.counted"), 1.2},
                                      {tr("stocktake.column.difference"), 1.2}}};
    for (const auto& line : report.titles)
        section.rows.push_back({text_cell(line.isbn), text_cell(line.title), count_cell(line.expected),
                                count_cell(line.counted), count_cell(line.counted - line.expected)});
    return section;
}

}  // namespace

ReportDocument stocktake_document(const core::StocktakeReport& report, const ReportContext& context) {
    const auto& tr = context.tr;
    auto document = report_document(context, tr("print.stocktake.title"));
    document.sections.push_back(
        {.lines = {tr("print.stocktake.period", {{"from", display_day(report.started_at, tr.language())},
                                                 {"to", display_day(report.finished_at, tr.language())}}),
                   tr("stocktake.finished", {{"scope", report.scope},
                                             {"scans", std::to_string(report.scans)},
                                             {"expected", std::to_string(report.expected_copies)},
                                             {"found", std::to_string(report.found_copies)},
                                             {"missing", std::to_string(report.missing.size())},
                                             {"unexpected", std::to_string(report.unexpected.size())}})},
         .sheet = tr("print.stocktake.sheet")});
    if (!report.missing.empty())
        document.sections.push_back(copies_section(tr("print.stocktake.missing"), report.missing, tr));
    if (!report.unexpected.empty())
        document.sections.push_back(copies_section(tr("print.stocktake.unexpected"), report.unexpected, tr));
    if (!report.titles.empty()) document.sections.push_back(titles_section(report, tr));
    document.sections.push_back({.signatures = {tr("print.sign.commission_chair"), tr("print.sign.commission_member"),
                                                tr("print.sign.commission_member"), tr("print.sign.librarian")}});
    return document;
}

}  // namespace kitap::printing
