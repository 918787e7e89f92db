#include "kiosk/print/clearance_document.hpp"

#include "kiosk/app/outcome_text.hpp"

namespace kitap::printing {
namespace {

std::vector<std::string> reader_lines(const core::Clearance& clearance, const app::Translator& tr) {
    const auto& reader = clearance.reader;
    std::vector<std::string> lines{tr("print.clearance.reader", {{"name", reader.name}, {"card", reader.card}})};
    if (!reader.class_name.empty()) lines.push_back(tr("print.clearance.class", {{"class", reader.class_name}}));
    lines.push_back(tr(clearance.clear() ? "print.clearance.clear" : "print.clearance.owes"));
    return lines;
}

ReportSection loans_section(const core::Clearance& clearance, const app::Translator& tr) {
    ReportSection section{.heading = tr("print.clearance.loans"),
                          .columns = {{tr("print.column.code"), 1.8},
                                      {tr("print.column.title"), 5},
                                      {tr("print.column.quantity"), 0.9},
                                      {tr("print.column.due"), 1.4}}};
    for (const auto& loan : clearance.loans)
        section.rows.push_back({text_cell(loan.code), text_cell(loan.title), count_cell(loan.quantity),
                                text_cell(app::display_date(loan.due, tr.language()))});
    return section;
}

ReportSection compensations_section(const core::Clearance& clearance, const app::Translator& tr) {
    ReportSection section{.heading = tr("print.clearance.compensations"),
                          .columns = {{tr("print.column.code"), 1.8},
                                      {tr("print.column.title"), 4},
                                      {tr("print.column.quantity"), 0.9},
                                      {tr("print.column.condition"), 1.3},
                                      {tr("print.column.amount"), 1.6}}};
    std::int64_t total = 0;
    for (const auto& owed : clearance.compensations) {
        section.rows.push_back({text_cell(owed.code), text_cell(owed.title), count_cell(owed.quantity),
                                text_cell(tr("condition." + std::string(to_string(owed.condition)))),
                                tenge_cell(owed.amount_tiyn)});
        total += owed.amount_tiyn;
    }
    section.rows.push_back({strong(text_cell(tr("print.report.total"))), text_cell(""), text_cell(""), text_cell(""),
                            strong(tenge_cell(total))});
    return section;
}

}  // namespace

ReportDocument clearance_document(const core::Clearance& clearance, const ReportContext& context) {
    const auto& tr = context.tr;
    auto document = report_document(context, tr("print.clearance.title"));
    document.sections.push_back({.lines = reader_lines(clearance, tr), .sheet = clearance.reader.card});
    if (!clearance.loans.empty()) document.sections.push_back(loans_section(clearance, tr));
    if (!clearance.compensations.empty()) document.sections.push_back(compensations_section(clearance, tr));
    document.sections.push_back({.signatures = {tr("print.sign.librarian")}});
    return document;
}

}  // namespace kitap::printing
