#pragma once

#include "core/import/import_limits.hpp"
#include "core/import/source_table.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
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

// How the .xls reader's child process starts (freexl runs apart: it is not safe on
// hostile files). A fork copies this process and allocates in the copy, safe only
// while this process has one thread; a server spawns a fresh `program __read-xls`
// instead. automatic: spawn when this process runs several threads.
struct XlsChild {
    enum class Start { automatic, fork, spawn };
    Start start = Start::automatic;
    std::filesystem::path program = "/proc/self/exe";  // a `kitap`, which serves __read-xls
};

// The hidden subcommand a spawned child runs: `kitap __read-xls LIMITS...` reads the
// .xls from standard input and writes its cells to standard output.
inline constexpr std::string_view xls_child_command = "__read-xls";
[[noreturn]] void run_xls_child(int argc, const char* const* argv);

// Every sheet, in the workbook's order, named as in the workbook; rows numbered
// as the spreadsheet shows them. Numbers read as a CSV export shows them
// (20000014, 1500.5), dates as 2015-03-12 (with " 10:30" when they have a time),
// booleans as TRUE/FALSE. Broken, encrypted or oversized workbooks are refused.
tl::expected<core::SourceTable, WorkbookError> read_workbook(std::string_view bytes, const WorkbookLimits& limits = {},
                                                             const XlsChild& xls_child = {});

}  // namespace kitap::workbook
