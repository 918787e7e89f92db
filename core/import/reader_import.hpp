#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/import/import_result.hpp"
#include "core/import/import_table.hpp"
#include "core/rules.hpp"

#include <string>
#include <string_view>

namespace kitap::core {

struct ReaderImportOptions {
    ClassLanguage default_language = ClassLanguage::kk;  // of a class created without a language column
    std::string school_year;                             // "2025-2026": the year the file's classes belong to
    bool dry_run = false;                                // do all the work, report the counts, write nothing
    Timestamp now;
    SheetChoice sheets;      // which sheets of a workbook
    std::string class_name;  // "5Ә": the class of a list without a class column (--class)
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
// - The name may come as surname, first name and patronymic columns (Фамилия,
//   Имя, Отчество / Тегі, Аты, Әкесінің аты), joined.
// - A sheet without a class column takes its class from options.class_name, else
//   from the sheet's name when that is a class ("5Ә"), else from its title rows
//   ("Список учащихся 5Ә класса"); the result's notes say which.
// - The header, titles and lines under the list are found as read_import_tables says.
// All or nothing: every problem of every row is reported (with its line) and then
// nothing is written; otherwise everything is written in one transaction, with one
// event per added or updated reader and one 'import_readers' event with the counts.
// Matching costs O(rows): the stored readers are looked up by card and by (name,
// class) in memory, not scanned per row.
ImportResult import_readers(SQLite::Database& db, SourceTable source, const ReaderImportOptions& options);
// A text file (CSV or Excel "Unicode text").
ImportResult import_readers(SQLite::Database& db, std::string_view file_bytes, const ReaderImportOptions& options);

}  // namespace kitap::core
