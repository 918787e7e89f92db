#pragma once

#include "kiosk/app/translator.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace kitap::cli {

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

// Where a report goes: --out FILE (written whole, 0600, never through a link:
// reports hold pupils' names), else standard output. Returns false (after
// saying why on stderr) when the file cannot be written.
bool write_report(const app::Translator& tr, const std::optional<std::string>& out_file, const std::string& text);

std::string format_number(double value, int decimals);

}  // namespace kitap::cli
