#include "kiosk/answers/tables.hpp"

#include "core/text/control_chars.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace kitap::answers {
namespace {

std::string csv_field(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (char c : field) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

void write_csv_row(std::ostream& out, const CsvRow& row) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i]);
    out << "\r\n";
}

std::size_t display_width(const std::string& utf8) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Cells hold names, titles and details from the database: shown, never obeyed.
CsvRow printable_cells(const CsvRow& cells) {
    CsvRow shown;
    shown.reserve(cells.size());
    for (const auto& cell : cells) shown.push_back(core::printable(cell));
    return shown;
}

void write_text_row(std::ostream& out, const CsvRow& cells, const std::vector<std::size_t>& widths) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i)
        line += cells[i] + std::string(widths[i] - display_width(cells[i]) + 2, ' ');
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
}

}  // namespace

void write_csv(std::ostream& out, const CsvRow& header, const std::vector<CsvRow>& rows) {
    write_csv_row(out, header);
    for (const auto& row : rows) write_csv_row(out, row);
}

void write_text_table(std::ostream& out, const Table& table, const app::Translator& tr,
                      const std::string& header_prefix) {
    CsvRow header;
    for (const auto& key : table.columns) header.push_back(tr(header_prefix + key));
    std::vector<CsvRow> rows;
    rows.reserve(table.rows.size());
    for (const auto& row : table.rows) rows.push_back(printable_cells(row));
    std::vector<std::size_t> widths(header.size(), 0);
    auto widen = [&widths](const CsvRow& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) widths[i] = std::max(widths[i], display_width(cells[i]));
    };
    widen(header);
    for (const auto& row : rows) widen(row);
    write_text_row(out, header, widths);
    for (const auto& row : rows) write_text_row(out, row, widths);
}

std::string format_number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

Label label_for(bool csv, const app::Translator& tr, const std::string& prefix) {
    if (csv) return [](const std::string& word) { return word; };
    return [&tr, prefix](const std::string& word) { return word.empty() ? word : tr(prefix + word); };
}

}  // namespace kitap::answers
