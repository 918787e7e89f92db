#include "kiosk/print/register_document.hpp"

#include <functional>

namespace kitap::printing {
namespace {

using Section = core::RegisterSection;

// One line of the register: its wording (fund.register.measure.*), how deep it
// sits, and its figure in a section of the fund.
struct Measure {
    std::string key;
    int level = 0;
    std::function<Cell(const Section&)> figure;
};

Cell copies(const core::FundMovement& movement) { return count_cell(movement.copies); }
Cell sum(const core::FundMovement& movement) { return tenge_cell(movement.sum_tiyn); }

std::vector<Measure> measures() {
    std::vector<Measure> lines{
        {"fund_start", 0, [](const Section& s) { return count_cell(s.fund_start); }},
        {"received_copies", 0, [](const Section& s) { return copies(s.received); }},
        {"received_sum", 1, [](const Section& s) { return sum(s.received); }},
        {"written_off_copies", 0, [](const Section& s) { return copies(s.written_off); }},
        {"written_off_sum", 1, [](const Section& s) { return sum(s.written_off); }},
    };
    for (const auto reason : core::writeoff_reasons) {
        const std::string name(to_string(reason));
        lines.push_back({"written_off_" + name + "_copies", 1,
                         [reason](const Section& s) { return copies(s.written_off_by_reason.at(reason)); }});
        lines.push_back({"written_off_" + name + "_sum", 1,
                         [reason](const Section& s) { return sum(s.written_off_by_reason.at(reason)); }});
    }
    lines.push_back({"lost_on_return_copies", 1, [](const Section& s) { return copies(s.lost_on_return); }});
    lines.push_back({"lost_on_return_sum", 1, [](const Section& s) { return sum(s.lost_on_return); }});
    lines.push_back({"fund_end", 0, [](const Section& s) { return count_cell(s.fund_end); }});
    return lines;
}

// The register's own wording indents with spaces; here the cell's indent does.
std::string trimmed(std::string text) { return text.erase(0, text.find_first_not_of(' ')); }

}  // namespace

ReportDocument register_document(const core::RegisterReport& report, const ReportContext& context) {
    const auto& tr = context.tr;
    auto document =
        report_document(context, tr("fund.register.header", {{"year", report.school_year},
                                                             {"from", display_day(report.first_day, tr.language())},
                                                             {"to", display_day(report.last_day, tr.language())}}));
    ReportSection table{.columns = {{tr("print.column.indicator"), 5},
                                    {tr("fund.register.column.textbooks"), 1.6},
                                    {tr("fund.register.column.other"), 1.6},
                                    {tr("fund.register.column.total"), 1.6}},
                        .signatures = {tr("print.sign.librarian")},
                        .sheet = report.school_year};
    for (const auto& measure : measures()) {
        auto label = text_cell(trimmed(tr("fund.register.measure." + measure.key)), measure.level);
        table.rows.push_back({measure.level == 0 ? strong(label) : label, measure.figure(report.textbooks),
                              measure.figure(report.other), measure.figure(report.total)});
    }
    document.sections.push_back(std::move(table));
    return document;
}

}  // namespace kitap::printing
