#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/import/import_result.hpp"
#include "core/import/import_table.hpp"

#include <string_view>

namespace kitap::core {

struct CatalogImportOptions {
    bool dry_run = false;  // do all the work, report the counts, write nothing
    Timestamp now;
    SheetChoice sheets;  // which sheets of a workbook
};

// Imports a catalogue (CSV or Excel "Unicode text", any encoding decode_to_utf8
// accepts): columns found by their Kazakh, Russian or English headers (title
// required; authors, isbn, publisher, year, language, kind, grade, subject, price,
// copies, barcodes optional).
// - A title is found by its ISBN, else among the titles without ISBN by (title,
//   authors, publisher, year); it is updated from the row's non-empty cells, its
//   stock set to `copies`. Otherwise it is added (kind fiction unless given).
// - `barcodes` lists inventory numbers, one copy each, added when new.
// - Price is in tenge ("1 500,50", "1500.50"), stored in tiyn.
// Re-importing a file changes nothing. All or nothing, as import_readers: every
// problem of every row (with its line), or one transaction with events
// 'title_added', 'title_updated', 'copy_added' and one 'import_catalog'.
// The header, titles and lines under the list are found as read_import_tables says.
ImportResult import_catalog(SQLite::Database& db, SourceTable source, const CatalogImportOptions& options);
// A text file (CSV or Excel "Unicode text").
ImportResult import_catalog(SQLite::Database& db, std::string_view file_bytes, const CatalogImportOptions& options);

}  // namespace kitap::core
