#pragma once

#include "core/calendar.hpp"
#include "kiosk/app/translator.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kitap::printing {

// What a report says, before it is laid out as a PDF or an XLSX workbook: both
// writers take the same document, so a report is described once.
enum class CellKind { text, count, tenge, percent };

struct Cell {
    CellKind kind = CellKind::text;
    std::string text;
    double number = 0;      // count, percent
    std::int64_t tiyn = 0;  // tenge
    bool strong = false;    // a total, a heading row
    int indent = 0;         // "of them" rows, in levels
};

Cell text_cell(std::string text, int indent = 0);
Cell count_cell(long long count);
Cell tenge_cell(std::int64_t tiyn);
Cell percent_cell(double percent);
Cell strong(Cell cell);

// How a cell reads on paper: 1 234 567 and 2 500,00 in Kazakh and Russian,
// 1,234,567 and 2,500.00 in English; percentages with one decimal.
std::string cell_text(const Cell& cell, app::Language language);
bool is_numeric(const Cell& cell);

// A stored ISO date or UTC timestamp as the reader writes the (local) day;
// anything else as it is.
std::string display_day(const std::string& iso, app::Language language);

struct Column {
    std::string header;
    double width = 1;  // relative to the other columns
};

using Row = std::vector<Cell>;

struct ReportSection {
    std::string heading;
    std::vector<std::string> lines;  // under the heading, before the table
    std::vector<Column> columns;     // no columns: no table
    std::vector<Row> rows;
    std::vector<std::string> signatures;  // lines to sign after the table
    bool new_page = false;                // on a page (a worksheet) of its own
    std::string sheet;                    // the worksheet's name, when it starts one (first or new_page)
};

struct ReportDocument {
    std::string title;
    std::string school;
    std::string date;           // the day it was made, as the reader writes dates
    std::string page_template;  // "Бет {page} / {pages}"
    app::Language language = app::Language::kk;
    std::vector<ReportSection> sections;
};

// What every report's head carries: the school, the day, the language.
struct ReportContext {
    const app::Translator& tr;
    std::string school;
    core::Date today;
};

// A document with the title, school, date and page-number wording filled in.
ReportDocument report_document(const ReportContext& context, std::string title);

}  // namespace kitap::printing
