#include "kiosk/print/order_document.hpp"

namespace kitap::printing {
namespace {

std::string grades_text(const std::vector<int>& grades) {
    std::string text;
    for (const int grade : grades) text += (text.empty() ? "" : ", ") + std::to_string(grade);
    return text;
}

Row order_row(const core::OrderLine& line) {
    return {text_cell(line.isbn),        text_cell(line.title),    text_cell(grades_text(line.grades)),
            count_cell(line.needed),     count_cell(line.usable),  strong(count_cell(line.to_order)),
            tenge_cell(line.price_tiyn), tenge_cell(line.sum_tiyn)};
}

}  // namespace

ReportDocument order_document(const core::OrderReport& report, const ReportContext& context) {
    const auto& tr = context.tr;
    auto document =
        report_document(context, tr("order.text.header", {{"year", report.for_year}, {"based_on", report.based_on}}));
    const auto& wear = report.school_wear;
    ReportSection table{
        .lines = {tr("order.text.wear", {{"rate", cell_text(percent_cell(100 * wear.fraction()), tr.language()) + " %"},
                                         {"worn", std::to_string(wear.worn)},
                                         {"returned", std::to_string(wear.returned)}})},
        .columns = {{tr("order.column.isbn"), 2.8},
                    {tr("order.column.title"), 3.9},
                    {tr("order.column.grades"), 1.25},
                    {tr("order.column.needed"), 1.25},
                    {tr("order.column.usable"), 1.3},
                    {tr("order.column.to_order"), 1.3},
                    {tr("order.column.price"), 1.5},
                    {tr("order.column.sum"), 1.7}},
        .signatures = {tr("print.sign.librarian"), tr("print.sign.director")},
        .sheet = report.for_year};
    for (const auto& line : report.lines) table.rows.push_back(order_row(line));
    table.rows.push_back({text_cell(""), strong(text_cell(tr("print.report.total"))), text_cell(""), text_cell(""),
                          text_cell(""), strong(count_cell(report.total_to_order)), text_cell(""),
                          strong(tenge_cell(report.total_sum_tiyn))});
    document.sections.push_back(std::move(table));
    return document;
}

}  // namespace kitap::printing
