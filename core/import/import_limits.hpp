#pragma once

#include <cstddef>
#include <string_view>

// How much an imported file may hold, in one place for every reader of school
// files (CSV and text here, workbooks too), so a file is refused for the same
// reasons whatever its format. A real school's files are far inside them: a
// roster of 1,400 readers is about 100 KB, a catalogue of 20,000 titles a few MB.
namespace kitap::core::import_limits {

// The web console uploads at most this much; the command line reads no more.
inline constexpr std::size_t max_file_bytes = 20 * 1024 * 1024;
// Records after the header row, cells in one record, and cells in all: a
// 20 MB file of separators alone would otherwise be ten million empty cells.
inline constexpr std::size_t max_rows = 100'000;
inline constexpr std::size_t max_columns = 100;
inline constexpr std::size_t max_cells = 2'000'000;

// Characters (not bytes: Kazakh letters take two) in one cell of a column.
inline constexpr std::size_t max_cell_chars = 1'000;
inline constexpr std::size_t max_name_chars = 200;   // a reader's full name
inline constexpr std::size_t max_title_chars = 500;  // a title, with its part and grade
// A cell listing a title's inventory numbers: thousands of copies of one textbook.
inline constexpr std::size_t max_barcode_list_chars = 200'000;

// The limit of a cell of the importers' column `column` ("name", "title", "barcodes"...).
constexpr std::size_t max_chars_of(std::string_view column) {
    if (column == "name") return max_name_chars;
    if (column == "title") return max_title_chars;
    if (column == "barcodes") return max_barcode_list_chars;
    return max_cell_chars;
}

}  // namespace kitap::core::import_limits
