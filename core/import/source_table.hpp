#pragma once

#include "core/import/import_result.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// What every import reads, whatever the file's format: sheets of rows of cells.
// The CSV reader in core makes one from a text file; kitap_workbook (kiosk/workbook)
// makes one from .xlsx, .xls and .ods, so core needs no zip or XML library.
namespace kitap::core {

struct SourceRow {
    std::size_t line;                 // its place: the 1-based line of a text file, or row of a sheet
    std::vector<std::string> fields;  // the cells as text, UTF-8
};

struct SourceSheet {
    std::string name;             // empty for a text file: its places are FILE:LINE, a sheet's FILE:SHEET:ROW
    std::vector<SourceRow> rows;  // in order; rows with no cell at all may be left out
};

struct SourceTable {
    std::vector<SourceSheet> sheets;  // a text file is one sheet without a name
};

// Decodes a text file (CSV or TSV, any encoding decode_to_utf8 takes) into a
// one-sheet table. The problems when it cannot: undecodable lines, a CSV error.
tl::expected<SourceTable, std::vector<ImportProblem>> read_text_table(std::string_view file_bytes);

}  // namespace kitap::core
