#include "kiosk/print/report_document.hpp"

#include "kiosk/app/outcome_text.hpp"

#include <cmath>
#include <cstdio>

namespace kitap::printing {
namespace {

std::string grouped(long long value, app::Language language) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    const char* separator = language == app::Language::en ? "," : "\u00a0";
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), separator);
    return value < 0 ? "-" + digits : digits;
}

std::string one_decimal(double value, app::Language language) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string out = text;
    if (language != app::Language::en)
        for (auto& c : out)
            if (c == '.') c = ',';
    return out;
}

}  // namespace

Cell text_cell(std::string text, int indent) {
    return {.kind = CellKind::text, .text = std::move(text), .indent = indent};
}
Cell count_cell(long long count) { return {.kind = CellKind::count, .number = static_cast<double>(count)}; }
Cell tenge_cell(std::int64_t tiyn) { return {.kind = CellKind::tenge, .tiyn = tiyn}; }
Cell percent_cell(double percent) { return {.kind = CellKind::percent, .number = percent}; }

Cell strong(Cell cell) {
    cell.strong = true;
    return cell;
}

bool is_numeric(const Cell& cell) { return cell.kind != CellKind::text; }

std::string display_day(const std::string& iso, app::Language language) {
    if (const auto date = core::parse_iso_date(iso)) return app::display_date(*date, language);
    if (const auto at = core::parse_iso_timestamp(iso)) return app::display_date(core::local_date(*at), language);
    return iso;
}

std::string cell_text(const Cell& cell, app::Language language) {
    switch (cell.kind) {
        case CellKind::count:
            return grouped(std::llround(cell.number), language);
        case CellKind::tenge:
            return app::display_tenge(cell.tiyn, language);
        case CellKind::percent:
            return one_decimal(cell.number, language);
        case CellKind::text:
            break;
    }
    return cell.text;
}

ReportDocument report_document(const ReportContext& context, std::string title) {
    const auto language = context.tr.language();
    return {.title = std::move(title),
            .school = context.school,
            .date = context.tr("print.report.made_on", {{"date", app::display_date(context.today, language)}}),
            .page_template = context.tr("print.report.page"),
            .language = language};
}

}  // namespace kitap::printing
