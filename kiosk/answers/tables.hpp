#pragma once

#include "kiosk/app/translator.hpp"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

// How reports lay out their rows as text: CSV for spreadsheets and scripts, an
// aligned table for people.
namespace kitap::answers {

using CsvRow = std::vector<std::string>;

// RFC 4180: a field with the separator, quotes or a line end is quoted.
void write_csv(std::ostream& out, const CsvRow& header, const std::vector<CsvRow>& rows);

// A table of stable column keys and rows of cells.
struct Table {
    CsvRow columns;
    std::vector<CsvRow> rows;
};

// Columns aligned (by characters, so Kazakh letters count once), under their
// headers `header_prefix + key` translated.
void write_text_table(std::ostream& out, const Table& table, const app::Translator& tr,
                      const std::string& header_prefix);

std::string format_number(double value, int decimals);

// Cells are stable words and numbers; a Label turns a word into what the reader
// sees: itself in CSV, its translation under `prefix` in text.
using Label = std::function<std::string(const std::string&)>;
Label label_for(bool csv, const app::Translator& tr, const std::string& prefix);

}  // namespace kitap::answers
