#pragma once

#include "core/import/column_map.hpp"
#include "core/import/import_result.hpp"
#include "core/import/source_table.hpp"
#include "core/text/class_name.hpp"

#include <tl/expected.hpp>

#include <optional>
#include <string>
#include <vector>

// Finding the table in a file as a school office sends it: which sheets, where
// the header is, and which rows around the data are not data.
namespace kitap::core {

// Which sheets of a workbook to import (a text file is one sheet).
struct SheetChoice {
    std::string sheet;        // a sheet's name or 1-based number; empty: the first with a header
    bool all_sheets = false;  // every sheet with a header
};

// One sheet's data, its columns found.
struct ImportTable {
    std::string sheet;  // empty for a text file
    ColumnMap columns;
    std::vector<CsvRecord> rows;           // the data rows: no blank or ignored row
    std::optional<ClassName> title_class;  // a class named in the rows above the header ("5Ә класс")
    std::size_t title_class_line = 0;
};

// The header is the first of a sheet's first 20 rows that has every required
// column. Rows above it are titles; below it, blank rows are skipped, and these
// are ignored, each added to `notes` as import.note.ignored {text}:
// - the rows above the header (titles, dates, the school's name);
// - a row with nothing under any known column (a signature or total written in
//   the "№" column);
// - after the last blank row (or gap in the row numbers) under the data, a row
//   with one filled cell (a class teacher's signature under the list).
// The problems when no sheet will do: an empty file, missing required columns
// (on the first row of the sheet), a --sheet that is not there.
tl::expected<std::vector<ImportTable>, std::vector<ImportProblem>> read_import_tables(
    SourceTable source, const ImportColumns& columns, const SheetChoice& choice, std::vector<ImportProblem>& notes);

// What the importers' text-file entry points share: the file read as a table,
// then `import` on it; the decoding or CSV problems when it cannot be read.
template <typename Import>
ImportResult import_text_file(std::string_view file_bytes, Import import) {
    auto source = read_text_table(file_bytes);
    if (!source) return ImportResult{.problems = std::move(source.error())};
    return import(std::move(*source));
}

// A class named in a title ("Список 5Ә класса", "5 «Ә» сынып", "5-Ә", "5 А"): a
// grade 0-11 followed by one letter standing alone.
std::optional<ClassName> class_in_title(std::string_view text);

}  // namespace kitap::core
