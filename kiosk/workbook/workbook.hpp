#pragma once

#include "core/import/import_limits.hpp"
#include "core/import/source_table.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

// kitap_workbook: reads the spreadsheets school offices send (.xlsx, .xls, .ods)
// into core's format-neutral SourceTable, so core links no zip or XML library.
namespace kitap::workbook {

// A workbook is untrusted: every figure here bounds what one may make us do. The
// file, its rows and cells share core's import limits with text files; the rest
// are the workbook's own (a sheet's formatting reaches far right of its data, and
// its cells are checked per column by core's import like a CSV's).
struct WorkbookLimits {
    std::size_t input_bytes = core::import_limits::max_file_bytes;  // the file itself
    std::uint64_t uncompressed_bytes = 256u << 20;  // inflated, all zip entries together, counted while inflating
    std::size_t sheets = 256;
    std::size_t rows = core::import_limits::max_rows;    // rows holding a cell, all sheets together
    std::size_t columns = 1'024;                         // a cell further right is refused
    std::size_t cell_bytes = 32'768;                     // one cell's text
    std::size_t cells = core::import_limits::max_cells;  // cells kept, the empty ones left of a filled one included
    std::size_t text_bytes = 256u << 20;                 // all cells' text (a shared string repeated counts each time)
};

// What a file is, told from its first bytes, not its name: an OLE2 compound file
// (.xls, or an Office file saved with a password), a zip (.xlsx or .ods, told apart
// by read_workbook from the zip's content types or mimetype entry), else text.
enum class FileFormat { text, ole2, zip };
FileFormat detect_format(std::string_view bytes);

// Why a workbook cannot be read: a message key (import.error.workbook_*) and its
// arguments, for the caller to translate.
struct WorkbookError {
    std::string key;
    std::map<std::string, std::string> args;
};

// Every sheet, in the workbook's order, named as in the workbook; rows numbered
// as the spreadsheet shows them. Numbers read as a CSV export shows them
// (20000014, 1500.5), dates as 2015-03-12 (with " 10:30" when they have a time),
// booleans as TRUE/FALSE. Broken, encrypted or oversized workbooks are refused.
tl::expected<core::SourceTable, WorkbookError> read_workbook(std::string_view bytes, const WorkbookLimits& limits = {});

}  // namespace kitap::workbook
