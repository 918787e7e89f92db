#pragma once

#include "core/import/column_map.hpp"
#include "core/import/csv.hpp"
#include "core/import/import_result.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

// What every import refuses before it reads a single row, whatever the file's
// format: a file too big (import_limits.hpp), and cells that are too long or
// hold a control character. Anything from outside is hostile: a name carrying
// `ESC ]2;` would drive the librarian's terminal each time it is printed.
namespace kitap::core {

// import.error.file_too_large {size, max, max_mb} when `bytes` exceeds the limit.
std::optional<ImportProblem> file_size_problem(std::size_t bytes);

// A parser's error as an import problem: import.error.too_many_rows,
// too_many_columns or too_many_cells {max} for the limits, else import.error.csv {detail}.
ImportProblem csv_problem(const CsvError& error);

// Each cell of a column the importer reads (`records[0]` is the header row) with
// a control character (import.error.control_character {column, code}) or more
// characters than its column allows (import.error.too_long {column, length, max}),
// on the cell's line and naming the column. Tab and line ends are allowed: they
// separate cells and break lines inside a quoted cell, and become spaces when read.
std::vector<ImportProblem> cell_problems(std::span<const CsvRecord> records, const ImportColumns& columns);

}  // namespace kitap::core
