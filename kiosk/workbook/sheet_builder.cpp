#include "kiosk/workbook/sheet_builder.hpp"

#include "kiosk/workbook/workbook_failure.hpp"

namespace kitap::workbook {
namespace {

[[noreturn]] void refuse_limit(std::string what, std::size_t limit) {
    refuse("import.error.workbook_limit", {{"what", std::move(what)}, {"limit", std::to_string(limit)}});
}

}  // namespace

void SheetBuilder::start_sheet(std::string name) {
    if (table_.sheets.size() >= limits_.sheets) refuse_limit("sheets", limits_.sheets);
    table_.sheets.push_back({.name = std::move(name), .rows = {}});
}

void SheetBuilder::set_cell(std::size_t row, std::size_t column, std::string text) {
    if (text.empty()) return;
    if (table_.sheets.empty() || row == 0 || column == 0) refuse_broken("a cell outside a sheet");
    if (column > limits_.columns) refuse_limit("columns", limits_.columns);
    if (text.size() > limits_.cell_bytes) refuse_limit("cell bytes", limits_.cell_bytes);
    text_bytes_ += text.size();
    if (text_bytes_ > limits_.text_bytes) refuse_limit("text bytes", limits_.text_bytes);
    auto& rows = table_.sheets.back().rows;
    if (rows.empty() || rows.back().line != row) {
        if (!rows.empty() && rows.back().line > row) refuse_broken("rows out of order");
        if (++rows_ > limits_.rows) refuse_limit("rows", limits_.rows);
        rows.push_back({.line = row, .fields = {}});
    }
    auto& fields = rows.back().fields;
    if (fields.size() < column) {
        cells_ += column - fields.size();
        if (cells_ > limits_.cells) refuse_limit("cells", limits_.cells);
        fields.resize(column);
    }
    fields[column - 1] = std::move(text);
}

}  // namespace kitap::workbook
