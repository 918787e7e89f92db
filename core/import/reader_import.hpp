#pragma once

#include "core/calendar.hpp"
#include "core/import/import_result.hpp"
#include "core/rules.hpp"

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>

namespace kitap::core {

struct ReaderImportOptions {
    ClassLanguage default_language = ClassLanguage::kk;  // of a class created without a language column
    std::string school_year;                             // "2025-2026": the year the file's classes belong to
    bool dry_run = false;                                // do all the work, report the counts, write nothing
    Timestamp now;
};

// Imports a school office's roster (CSV or Excel "Unicode text", any encoding
// decode_to_utf8 accepts): columns found by their Kazakh, Russian or English
// headers (name required; class, card, category, language optional).
// - A row's card finds its reader, who is updated (and made active again); a row
//   without a card is the stored reader of the same name and class, or a new reader
//   with a generated card: a random number no reader or copy has (see
//   core/codes/card_numbers.hpp). Re-importing a file changes nothing.
// - Classes ("5Ә", "5 ә", "5-Ә", "5A") are those of options.school_year, created
//   when missing.
// All or nothing: every problem of every row is reported (with its line) and then
// nothing is written; otherwise everything is written in one transaction, with one
// event per added or updated reader and one 'import_readers' event with the counts.
ImportResult import_readers(SQLite::Database& db, std::string_view file_bytes, const ReaderImportOptions& options);

}  // namespace kitap::core
