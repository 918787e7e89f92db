#include "kiosk/print/provision_document.hpp"

namespace kitap::printing {
namespace {

ReportSection class_lines(const core::ProvisionReport& report, const app::Translator& tr) {
    ReportSection section{.columns = {{tr("print.column.class"), 1},
                                      {tr("print.column.title"), 4.5},
                                      {tr("print.column.pupils"), 1.5},
                                      {tr("print.column.needed"), 1.3},
                                      {tr("print.column.issued"), 1.3},
                                      {tr("print.column.provision_pct"), 1.6},
                                      {tr("print.column.free_stock"), 1.4}},
                          .sheet = report.school_year};
    for (const auto& line : report.lines)
        section.rows.push_back({text_cell(line.class_name), text_cell(line.title), count_cell(line.pupils),
                                count_cell(line.needed), count_cell(line.issued), percent_cell(line.provision_pct),
                                count_cell(line.free_stock)});
    return section;
}

ReportSection grade_totals(const core::ProvisionReport& report, const app::Translator& tr) {
    ReportSection section{.heading = tr("print.provision.by_grade"),
                          .columns = {{tr("print.column.grade"), 2},
                                      {tr("print.column.pupils"), 1},
                                      {tr("print.column.needed"), 1},
                                      {tr("print.column.issued"), 1},
                                      {tr("print.column.provision_pct"), 1}}};
    for (const auto& grade : report.grades)
        section.rows.push_back(
            {text_cell(tr("textbooks.provision.grade_total", {{"grade", std::to_string(grade.grade)}})),
             count_cell(grade.pupils), count_cell(grade.needed), count_cell(grade.issued),
             percent_cell(grade.provision_pct)});
    return section;
}

}  // namespace

ReportDocument provision_document(const core::ProvisionReport& report, const ReportContext& context) {
    const auto& tr = context.tr;
    auto document = report_document(context, tr("print.provision.title"));
    auto lines = class_lines(report, tr);
    lines.lines.push_back(tr("print.report.school_year", {{"year", report.school_year}}));
    if (report.lines.empty()) lines.lines.push_back(tr("print.provision.none"));
    document.sections.push_back(std::move(lines));
    if (!report.grades.empty()) document.sections.push_back(grade_totals(report, tr));
    return document;
}

}  // namespace kitap::printing
