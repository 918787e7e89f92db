#pragma once

#include "core/import/source_table.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// A record is a source row: `line` is the 1-based line where it starts.
using CsvRecord = SourceRow;

struct CsvTable {
    char separator;                  // ',', ';' or '\t'
    std::vector<CsvRecord> records;  // records[0] is the header; empty for an empty file
};

// Which of import_limits.hpp's limits a file broke, if any.
enum class CsvLimit { none, rows, columns, cells };

struct CsvError {
    std::size_t line;
    std::string reason;
    CsvLimit limit = CsvLimit::none;
};

// Reads RFC 4180 CSV as Excel and LibreOffice write it, with LF or CRLF line ends.
// - The separator is the most frequent of '\t', ';', ',' outside quotes in the
//   first line that has any: the header, or a title above it that Excel padded with
//   separators (ties in that order; ',' when there is none): Russian Excel writes ';'.
// - Quoted fields may hold separators, doubled quotes and line ends, and are kept
//   as is; spaces around the quotes are ignored. Unquoted fields are trimmed
//   (spaces, tabs, no-break spaces).
// - Empty lines are skipped but counted; a line of only separators is a record of
//   empty fields, left for the importer to judge.
// Errors: a quote that never closes, text after a closing quote; and, found while
// reading so that a hostile file is not held in memory whole, more records after
// the header than import_limits::max_rows, more cells in one than max_columns, or
// more cells in all than max_cells.
tl::expected<CsvTable, CsvError> parse_csv(std::string_view utf8);

}  // namespace kitap::core
