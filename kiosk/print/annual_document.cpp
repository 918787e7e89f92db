#include "kiosk/print/annual_document.hpp"

#include "kiosk/app/outcome_text.hpp"

namespace kitap::printing {
namespace {

Cell figure_cell(const core::AnnualLine& line) { return line.tenge ? tenge_cell(line.value) : count_cell(line.value); }

std::string period_line(const core::SchoolYearSpan& year, const app::Translator& tr) {
    return tr("print.annual.period", {{"year", year.name},
                                      {"first", app::display_date(year.first_day, tr.language())},
                                      {"last", app::display_date(year.last_day, tr.language())}});
}

}  // namespace

ReportDocument annual_document(const AnnualComparison& years, const ReportContext& context) {
    const auto& tr = context.tr;
    auto document = report_document(context, tr("print.annual.title"));
    ReportSection table{
        .lines = {period_line(years.year, tr)},
        .columns = {{tr("print.column.indicator"), 5}, {years.previous_year.name, 1.6}, {years.year.name, 1.6}},
        .sheet = years.year.name};
    const auto previous = core::annual_lines(years.previous);
    const auto current = core::annual_lines(years.figures);
    for (std::size_t i = 0; i < current.size(); ++i) {
        const auto& line = current[i];
        auto label = text_cell(tr("print.annual." + std::string(line.key)), line.level);
        table.rows.push_back({line.level == 0 ? strong(label) : label, figure_cell(previous[i]), figure_cell(line)});
    }
    document.sections.push_back(std::move(table));
    document.sections.push_back({.signatures = {tr("print.sign.librarian"), tr("print.sign.director")}});
    return document;
}

}  // namespace kitap::printing
