#include "core/textbooks/curriculum.hpp"

#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/import/column_map.hpp"

#include <SQLiteCpp/Database.h>

#include <map>

namespace kitap::core {
namespace {

const ImportColumns& curriculum_columns() {
    static const ImportColumns columns{
        .headers = {{"grade", {"grade", "class", "класс", "сынып"}},
                    {"language", {"language", "язык", "язык обучения", "тілі", "оқыту тілі"}},
                    {"isbn", {"isbn"}},
                    {"per_pupil", {"per pupil", "per_pupil", "на ученика", "количество", "оқушыға", "саны"}},
                    {"subject", {"subject", "предмет", "пән", "пәні"}}},
        .required = {"grade", "language", "isbn"},
    };
    return columns;
}

struct CurriculumRow {
    int grade = 0;
    ClassLanguage language = ClassLanguage::kk;
    RowId title_id = 0;
    int per_pupil = 1;
    std::optional<std::string> subject;
};

using GradeLanguage = std::pair<int, std::string>;

std::optional<ClassLanguage> class_language(RowReader& row) {
    const auto code = row.word("language", language_words(), "import.error.bad_language");
    if (!code) {
        if (row.text("language").empty()) row.problem("import.error.bad_language", {{"value", ""}});
        return std::nullopt;
    }
    auto language = class_language_from(*code);
    if (!language) row.problem("import.error.bad_language", {{"value", row.text("language")}});
    return language;
}

std::optional<RowId> catalogued_title(RowReader& row, LibraryStore& store) {
    const auto text = row.text("isbn");
    const auto isbn = normalize_isbn(text);
    if (!isbn) {
        row.problem("import.error.bad_isbn", {{"value", text}});
        return std::nullopt;
    }
    auto title = store.title_by_isbn(*isbn);
    if (!title) row.problem("import.error.unknown_isbn", {{"isbn", *isbn}});
    return title ? std::optional(title->id) : std::nullopt;
}

// The same ISBN twice for one grade and language is a mistake; across grades it is normal.
using DuplicatesByGrade = std::map<std::pair<int, ClassLanguage>, DuplicateFinder>;

std::optional<CurriculumRow> read_row(RowReader& row, LibraryStore& store, DuplicatesByGrade& duplicates) {
    const auto grade = row.whole_number("grade", 0, 11);
    if (!grade && row.ok()) row.problem("import.error.unknown_grade", {{"value", row.text("grade")}});
    const auto language = class_language(row);
    const auto title_id = catalogued_title(row, store);
    const auto per_pupil = row.whole_number("per_pupil", 1, 20);
    if (!row.ok()) return std::nullopt;
    auto& finder = duplicates.try_emplace({*grade, *language}, "import.error.duplicate_isbn", "isbn").first->second;
    if (!finder.first_time(*normalize_isbn(row.text("isbn")), row)) return std::nullopt;
    const auto subject = row.text("subject");
    return CurriculumRow{*grade, *language, *title_id, per_pupil.value_or(1),
                         subject.empty() ? std::nullopt : std::optional(subject)};
}

// Writes the rows, replacing the curriculum of each grade and language the file names.
void apply(SQLite::Database& db, const std::vector<CurriculumRow>& rows, ImportResult& result) {
    SQLite::Statement existing(
        db, "SELECT per_pupil, subject FROM curriculum WHERE grade = ? AND language = ? AND title_id = ?");
    SQLite::Statement upsert(db, R"(
        INSERT INTO curriculum (grade, language, title_id, per_pupil, subject)
        VALUES (?1, ?2, ?3, ?4, coalesce(?5, (SELECT subject FROM title WHERE id = ?3), ''))
        ON CONFLICT (grade, language, title_id) DO UPDATE
        SET per_pupil = excluded.per_pupil, subject = coalesce(?5, subject))");
    SQLite::Statement remove_missing(db, R"(
        DELETE FROM curriculum WHERE grade = ? AND language = ?
          AND title_id NOT IN (SELECT value FROM json_each(?)))");
    std::map<GradeLanguage, std::string> listed;  // grade/language -> JSON array of title ids
    for (const auto& row : rows) {
        const std::string language(to_string(row.language));
        auto& ids = listed[{row.grade, language}];
        ids += (ids.empty() ? "" : ",") + std::to_string(row.title_id);
        if (rebind(existing, row.grade, language, row.title_id).executeStep()) {
            const bool same = existing.getColumn(0).getInt() == row.per_pupil &&
                              (!row.subject || existing.getColumn(1).getString() == *row.subject);
            ++(same ? result.unchanged : result.updated);
        } else {
            ++result.added;
        }
        rebind(upsert, row.grade, language, row.title_id, row.per_pupil, row.subject).exec();
    }
    for (const auto& [grade_language, ids] : listed)
        rebind(remove_missing, grade_language.first, grade_language.second, "[" + ids + "]").exec();
}

}  // namespace

std::vector<CurriculumEntry> curriculum_entries(SQLite::Database& db, std::optional<int> grade,
                                                std::optional<ClassLanguage> language) {
    SQLite::Statement query(db, R"(
        SELECT c.grade, c.language, c.title_id, coalesce(t.isbn, ''), t.title, c.subject, c.per_pupil
        FROM curriculum c JOIN title t ON t.id = c.title_id
        WHERE (?1 IS NULL OR c.grade = ?1) AND (?2 IS NULL OR c.language = ?2)
        ORDER BY c.grade, c.language, c.subject, t.title)");
    const std::optional<std::string> language_code =
        language ? std::optional(std::string(to_string(*language))) : std::nullopt;
    rebind(query, grade, language_code);
    std::vector<CurriculumEntry> entries;
    while (query.executeStep())
        entries.push_back({query.getColumn(0).getInt(),
                           class_language_from(query.getColumn(1).getString()).value_or(ClassLanguage::kk),
                           query.getColumn(2).getInt64(), query.getColumn(3).getString(),
                           query.getColumn(4).getString(), query.getColumn(5).getString(),
                           query.getColumn(6).getInt()});
    return entries;
}

ImportResult import_curriculum(SQLite::Database& db, SourceTable source, const CurriculumImportOptions& options) {
    ImportResult result;
    auto tables = read_import_tables(std::move(source), curriculum_columns(), options.sheets, result.notes);
    if (!tables) return ImportResult{.problems = std::move(tables.error())};
    LibraryStore store(db);
    DuplicatesByGrade duplicates;
    std::vector<CurriculumRow> rows;
    for (const auto& table : *tables) {
        for (const auto& record : table.rows) {
            RowReader row(record, table.columns, result.problems, table.sheet);
            if (auto parsed = read_row(row, store, duplicates)) rows.push_back(*parsed);
        }
        result.rows += table.rows.size();
    }
    if (!result.ok()) return result;
    WriteTransaction transaction(db);
    apply(db, rows, result);
    store.log_event({.at = options.now,
                     .station = "import",
                     .actor = {ActorRole::import},
                     .action = "import_curriculum",
                     .detail = counts_detail(result)});
    if (!options.dry_run) transaction.commit();
    return result;
}

ImportResult import_curriculum(SQLite::Database& db, std::string_view file_bytes,
                               const CurriculumImportOptions& options) {
    return import_text_file(file_bytes,
                            [&](SourceTable source) { return import_curriculum(db, std::move(source), options); });
}

}  // namespace kitap::core
