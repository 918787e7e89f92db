#include "kiosk/print/debtors_document.hpp"

#include "kiosk/app/outcome_text.hpp"

namespace kitap::printing {
namespace {

std::vector<Column> debt_columns(const app::Translator& tr) {
    return {{tr("print.column.reader"), 3},
            {tr("print.column.code"), 1.8},
            {tr("print.column.title"), 4},
            {tr("print.column.quantity"), 0.9},
            {tr("print.column.due"), 1.4}};
}

// The reader's name on their first line only.
void add_debtor_rows(ReportSection& section, const core::Debtor& debtor, app::Language language) {
    bool first = true;
    for (const auto& item : debtor.items) {
        section.rows.push_back({first ? strong(text_cell(debtor.name + " (" + debtor.card + ")")) : text_cell(""),
                                text_cell(item.code), text_cell(item.title), count_cell(item.quantity),
                                text_cell(app::display_date(item.due, language))});
        first = false;
    }
}

ReportSection class_page(const core::ClassDebtors& group, core::Date as_of, const app::Translator& tr) {
    const bool has_class = !group.class_name.empty();
    ReportSection section{
        .heading = has_class ? tr("print.debtors.class", {{"class", group.class_name}}) : tr("print.debtors.no_class"),
        .lines = {tr("print.debtors.as_of", {{"date", app::display_date(as_of, tr.language())}})},
        .columns = debt_columns(tr),
        .signatures = {tr(has_class ? "print.sign.class_teacher" : "print.sign.librarian")},
        .new_page = true,
        .sheet = has_class ? group.class_name : tr("print.debtors.no_class_sheet")};
    for (const auto& debtor : group.debtors) add_debtor_rows(section, debtor, tr.language());
    return section;
}

}  // namespace

ReportDocument debtors_document(const std::vector<core::ClassDebtors>& classes, core::Date as_of,
                                const ReportContext& context) {
    const auto& tr = context.tr;
    auto document = report_document(context, tr("print.debtors.title"));
    for (const auto& group : classes) document.sections.push_back(class_page(group, as_of, tr));
    if (classes.empty())
        document.sections.push_back(
            {.lines = {tr("print.debtors.as_of", {{"date", app::display_date(as_of, tr.language())}}),
                       tr("print.debtors.none")}});
    return document;
}

}  // namespace kitap::printing
