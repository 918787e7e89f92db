#include "kiosk/print/writeoff_act_document.hpp"

namespace kitap::printing {

ReportDocument writeoff_act_document(const core::WriteoffActSheet& act, const ReportContext& context) {
    const auto& tr = context.tr;
    auto document = report_document(context, tr("print.act.title", {{"number", act.number}}));
    ReportSection table{.lines = {tr("print.act.date", {{"date", display_day(act.date, tr.language())}}),
                                  tr("print.act.reason", {{"reason", tr("fund.reason." + act.reason)}})},
                        .columns = {{tr("print.column.number"), 0.6},
                                    {tr("print.column.code"), 2},
                                    {tr("print.column.title"), 5},
                                    {tr("print.column.quantity"), 1},
                                    {tr("print.column.price"), 1.6},
                                    {tr("print.column.amount"), 1.8}},
                        .signatures = {tr("print.sign.commission_chair"), tr("print.sign.commission_member"),
                                       tr("print.sign.commission_member"), tr("print.sign.librarian")},
                        .sheet = act.number};
    long long copies = 0;
    std::int64_t total = 0;
    for (const auto& line : act.lines) {
        const auto sum = line.quantity * line.price_tiyn;
        table.rows.push_back({count_cell(static_cast<long long>(table.rows.size()) + 1), text_cell(line.code),
                              text_cell(line.title), count_cell(line.quantity), tenge_cell(line.price_tiyn),
                              tenge_cell(sum)});
        copies += line.quantity;
        total += sum;
    }
    table.rows.push_back({text_cell(""), strong(text_cell(tr("print.report.total"))), text_cell(""),
                          strong(count_cell(copies)), text_cell(""), strong(tenge_cell(total))});
    document.sections.push_back(std::move(table));
    return document;
}

}  // namespace kitap::printing
