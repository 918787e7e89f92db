#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/import/import_result.hpp"
#include "core/import/import_table.hpp"
#include "core/rules.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// One line of a curriculum: each pupil of `grade` taught in `language` gets
// `per_pupil` copies of the title for the school year.
struct CurriculumEntry {
    int grade = 0;
    ClassLanguage language = ClassLanguage::kk;
    RowId title_id = 0;
    std::string isbn;
    std::string title;
    std::string subject;
    int per_pupil = 1;
};

std::vector<CurriculumEntry> curriculum_entries(SQLite::Database& db, std::optional<int> grade,
                                                std::optional<ClassLanguage> language);

struct CurriculumImportOptions {
    bool dry_run = false;
    Timestamp now;
    SheetChoice sheets;  // which sheets of a workbook
};

// Imports curricula (columns grade, language, isbn; per_pupil and subject
// optional; headers in Kazakh, Russian or English; any encoding and separator
// the reader import takes). The file is the curriculum of every grade and
// language it names: their lines not in the file are removed. Every title must
// be catalogued. All or nothing, one transaction, every problem with its line.
// The header, titles and lines under the list are found as read_import_tables says.
ImportResult import_curriculum(SQLite::Database& db, SourceTable source, const CurriculumImportOptions& options);
// A text file (CSV or Excel "Unicode text").
ImportResult import_curriculum(SQLite::Database& db, std::string_view file_bytes,
                               const CurriculumImportOptions& options);

}  // namespace kitap::core
