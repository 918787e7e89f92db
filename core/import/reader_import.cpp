#include "core/import/reader_import.hpp"

#include "core/circulation/library_store.hpp"
#include "core/codes/card_numbers.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/import/column_map.hpp"
#include "core/text/class_name.hpp"
#include "core/text/utf8.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace kitap::core {
namespace {

const ImportColumns& reader_columns() {
    static const ImportColumns columns{
        .headers = {{"name", {"name", "full name", "full_name", "фио", "ф.и.о.", "аты-жөні", "аты жөні", "полное имя"}},
                    {"surname", {"surname", "last name", "фамилия", "тегі"}},
                    {"first_name", {"first name", "given name", "имя", "аты"}},
                    {"patronymic", {"patronymic", "middle name", "отчество", "әкесінің аты"}},
                    {"class", {"class", "класс", "сынып"}},
                    {"card", {"card", "card number", "номер карты", "карта", "карта нөмірі", "barcode", "штрихкод"}},
                    {"category", {"category", "категория", "санаты", "санат"}},
                    {"language", {"language", "язык", "тілі", "тіл", "язык обучения", "оқыту тілі"}}},
        .required = {"name"},
        .joined = {{.column = "name", .parts = {"surname", "first_name", "patronymic"}, .needed = 2}},
    };
    return columns;
}

const AliasTable<ReaderCategory>& category_words() {
    static const AliasTable<ReaderCategory> words{
        {ReaderCategory::pupil, {"pupil", "student", "ученик", "ученица", "учащийся", "учащаяся", "оқушы"}},
        {ReaderCategory::teacher, {"teacher", "учитель", "учительница", "педагог", "мұғалім"}},
        {ReaderCategory::staff, {"staff", "сотрудник", "сотрудница", "работник", "қызметкер"}},
        {ReaderCategory::other, {"other", "другое", "другой", "басқа"}},
    };
    return words;
}

// ---- Reading the rows ----------------------------------------------------

using ClassKey = ClassName;

struct ReaderRow {
    std::size_t line = 0;
    std::string card;  // empty: the stored reader of the same name and class, or a new card
    std::string full_name;
    ReaderCategory category = ReaderCategory::pupil;
    std::optional<ClassKey> school_class;
    std::optional<ClassLanguage> language;  // of the class
};

// The row's class cell, else the sheet's class (when the sheet has no class column).
std::optional<ClassKey> read_class(RowReader& row, const std::optional<ClassKey>& sheet_class) {
    const auto text = row.text("class");
    if (text.empty()) return sheet_class;
    auto parsed = parse_class_name(text);
    if (parsed.problem == ClassNameProblem::not_a_class) row.problem("import.error.bad_class", {{"value", text}});
    if (parsed.problem == ClassNameProblem::unknown_grade)
        row.problem("import.error.unknown_grade", {{"value", parsed.grade_text}});
    return parsed.name;
}

// Kazakh or Russian: a class is taught in one of them ("en" is no language of instruction).
std::optional<ClassLanguage> read_language(RowReader& row) {
    const auto code = row.word("language", language_words(), "import.error.bad_language");
    if (!code) return std::nullopt;
    const auto language = class_language_from(*code);
    if (!language) row.problem("import.error.bad_language", {{"value", row.text("language")}});
    return language;
}

// A row without a category is a pupil when it has a class (a roster lists pupils), and
// a pupil needs a class. A row whose class or category cannot be read is not judged.
ReaderCategory read_category(RowReader& row, bool has_class) {
    const auto category = row.word("category", category_words(), "import.error.bad_category");
    const bool unreadable = !category && !row.text("category").empty();
    if (!unreadable && category.value_or(ReaderCategory::pupil) == ReaderCategory::pupil && !has_class)
        row.problem("import.error.pupil_without_class");
    return category.value_or(ReaderCategory::pupil);
}

ReaderRow read_reader_row(RowReader& row, const std::optional<ClassKey>& sheet_class) {
    ReaderRow reader{.line = row.line(), .card = row.text("card"), .full_name = row.text("name")};
    if (reader.full_name.empty()) row.problem("import.error.empty_name");
    reader.school_class = read_class(row, sheet_class);
    reader.category = read_category(row, !row.text("class").empty() || sheet_class);
    reader.language = read_language(row);
    return reader;
}

// The class of a sheet without a class column: --class, the sheet's name, or its
// title rows; the notes say where it came from when the file said it.
std::optional<ClassKey> sheet_class(const ImportTable& table, const std::optional<ClassKey>& given,
                                    std::vector<ImportProblem>& notes) {
    if (table.columns.has("class") || given) return given;
    if (const auto named = parse_class_name(table.sheet); named.name && !named.problem) {
        notes.push_back({0, "import.note.class_from_sheet", {{"class", named.name->text()}}, table.sheet});
        return named.name;
    }
    if (table.title_class)
        notes.push_back({table.title_class_line,
                         "import.note.class_from_title",
                         {{"class", table.title_class->text()}},
                         table.sheet});
    return table.title_class;
}

std::vector<ReaderRow> read_reader_rows(const std::vector<ImportTable>& tables, const std::optional<ClassKey>& given,
                                        ImportResult& result) {
    std::vector<ReaderRow> readers;
    DuplicateFinder cards("import.error.duplicate_card", "card");
    for (const auto& table : tables) {
        const auto default_class = sheet_class(table, given, result.notes);
        for (const auto& record : table.rows) {
            RowReader row(record, table.columns, result.problems, table.sheet);
            auto reader = read_reader_row(row, default_class);
            if (!reader.card.empty()) cards.first_time(reader.card, row);
            if (row.ok()) readers.push_back(std::move(reader));
        }
        result.rows += table.rows.size();
    }
    return readers;
}

// The class given with --class, or a problem when it is none.
std::optional<ClassKey> given_class(const std::string& text, std::vector<ImportProblem>& problems) {
    if (text.empty()) return std::nullopt;
    const auto parsed = parse_class_name(text);
    if (!parsed.name || parsed.problem) problems.push_back({0, "import.error.bad_class", {{"value", text}}});
    return parsed.name;
}

// ---- Writing -------------------------------------------------------------

// What an import sets on a reader.
struct ReaderFields {
    std::string full_name;
    ReaderCategory category = ReaderCategory::pupil;
    std::optional<RowId> class_id;
    bool active = true;
    bool operator==(const ReaderFields&) const = default;
};

struct StoredReader {
    RowId id = 0;
    std::string card;
    ReaderFields fields;
};

std::string changed_fields(const ReaderFields& before, const ReaderFields& after) {
    ChangedFields changed;
    changed.compare("full_name", before.full_name, after.full_name);
    changed.compare("category", before.category, after.category);
    changed.compare("class", before.class_id, after.class_id);
    changed.compare("status", before.active, after.active);
    return changed.names();
}

class SchoolClasses {
public:
    SchoolClasses(SQLite::Database& db, const ReaderImportOptions& options)
        : db_(db),
          school_year_(options.school_year),
          default_language_(options.default_language),
          select_(db, "SELECT id, language FROM school_class WHERE school_year = ? AND grade = ? AND letter = ?"),
          insert_(db, "INSERT INTO school_class (school_year, grade, letter, language) VALUES (?, ?, ?, ?)"),
          set_language_(db, "UPDATE school_class SET language = ? WHERE id = ?") {}

    // The class of the school year, created when missing; `language`, when the row
    // gives one, is the class's.
    RowId id_of(const ClassKey& key, std::optional<ClassLanguage> language) {
        auto known = known_.find(key);
        if (known == known_.end()) known = known_.emplace(key, stored_or_added(key, language)).first;
        auto& school_class = known->second;
        if (language && *language != school_class.language) {
            rebind(set_language_, std::string(to_string(*language)), school_class.id).exec();
            school_class.language = *language;
        }
        return school_class.id;
    }

    int added() const { return added_; }

private:
    struct StoredClass {
        RowId id = 0;
        ClassLanguage language = ClassLanguage::kk;
    };

    StoredClass stored_or_added(const ClassKey& key, std::optional<ClassLanguage> language) {
        auto& query = rebind(select_, school_year_, key.grade, key.letter);
        if (query.executeStep()) {
            StoredClass stored{query.getColumn(0).getInt64(),
                               class_language_from(query.getColumn(1).getString()).value_or(default_language_)};
            query.reset();
            return stored;
        }
        const auto new_language = language.value_or(default_language_);
        rebind(insert_, school_year_, key.grade, key.letter, std::string(to_string(new_language))).exec();
        ++added_;
        return {db_.getLastInsertRowid(), new_language};
    }

    SQLite::Database& db_;
    std::string school_year_;
    ClassLanguage default_language_;
    SQLite::Statement select_;
    SQLite::Statement insert_;
    SQLite::Statement set_language_;
    std::map<ClassKey, StoredClass> known_;
    int added_ = 0;
};

std::string name_and_class(const std::string& full_name, std::optional<RowId> class_id) {
    return full_name + '\n' + (class_id ? std::to_string(*class_id) : "");
}

class ReaderTable {
public:
    explicit ReaderTable(SQLite::Database& db)
        : db_(db),
          by_card_(db, "SELECT id, card, full_name, category, class_id, status FROM reader WHERE card = ?"),
          insert_(db, "INSERT INTO reader (card, full_name, category, class_id) VALUES (?, ?, ?, ?)"),
          update_(db, "UPDATE reader SET full_name = ?, category = ?, class_id = ?, status = ? WHERE id = ?"),
          card_in_use_(db,
                       "SELECT EXISTS (SELECT 1 FROM reader WHERE card = ?1) OR EXISTS (SELECT 1 FROM copy WHERE "
                       "barcode = ?1)") {}

    std::optional<StoredReader> by_card(const std::string& card) {
        auto& query = rebind(by_card_, card);
        if (!query.executeStep()) return std::nullopt;
        auto reader = stored_reader(query);
        query.reset();
        return reader;
    }

    // Every stored reader by name and class, each list in the order they were added:
    // one query for the whole import, where a query per row scanned the class each time.
    std::unordered_map<std::string, std::vector<StoredReader>> by_name_and_class() {
        SQLite::Statement query(db_, "SELECT id, card, full_name, category, class_id, status FROM reader ORDER BY id");
        std::unordered_map<std::string, std::vector<StoredReader>> readers;
        while (query.executeStep()) {
            auto reader = stored_reader(query);
            readers[name_and_class(reader.fields.full_name, reader.fields.class_id)].push_back(std::move(reader));
        }
        return readers;
    }

    // A generated card must not be a stored reader's card nor a copy's barcode.
    bool card_in_use(const std::string& card) {
        auto& query = rebind(card_in_use_, card);
        query.executeStep();
        const bool used = query.getColumn(0).getInt() != 0;
        query.reset();
        return used;
    }

    RowId insert(const std::string& card, const ReaderFields& fields) {
        rebind(insert_, card, fields.full_name, std::string(to_string(fields.category)), fields.class_id).exec();
        return db_.getLastInsertRowid();
    }

    void update(RowId id, const ReaderFields& fields) {
        rebind(update_, fields.full_name, std::string(to_string(fields.category)), fields.class_id,
               std::string(fields.active ? "active" : "left"), id)
            .exec();
    }

private:
    static StoredReader stored_reader(SQLite::Statement& row) {
        return {row.getColumn(0).getInt64(), row.getColumn(1).getString(),
                ReaderFields{row.getColumn(2).getString(),
                             reader_category_from(row.getColumn(3).getString()).value_or(ReaderCategory::other),
                             optional_int64(row.getColumn(4)), row.getColumn(5).getString() == "active"}};
    }

    static std::optional<RowId> optional_int64(const SQLite::Column& column) {
        if (column.isNull()) return std::nullopt;
        return column.getInt64();
    }

    SQLite::Database& db_;
    SQLite::Statement by_card_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement card_in_use_;
};

class ReaderWriter {
public:
    ReaderWriter(SQLite::Database& db, const ReaderImportOptions& options, const std::vector<ReaderRow>& rows)
        : readers_(db),
          classes_(db, options),
          events_(db),
          now_(options.now),
          cards_(secure_uniform_draw(),
                 [this](const std::string& card) { return file_cards_.contains(card) || readers_.card_in_use(card); }),
          namesakes_(readers_.by_name_and_class()) {
        for (const auto& row : rows)
            if (!row.card.empty()) file_cards_.insert(row.card);
    }

    void apply(const ReaderRow& row, ImportResult& result) {
        const ReaderFields wanted{row.full_name, row.category, class_id_of(row), true};
        const auto stored = find_stored(row, wanted);
        if (!stored) {
            add(row.card.empty() ? cards_.next() : row.card, wanted);
            ++result.added;
        } else if (stored->fields == wanted) {
            ++result.unchanged;
        } else {
            readers_.update(stored->id, wanted);
            record_event("reader_updated", stored->id, changed_fields(stored->fields, wanted));
            ++result.updated;
        }
    }

    void log_summary(const ImportResult& result) {
        record_event("import_readers", std::nullopt,
                     counts_detail(result) + ", classes added " + std::to_string(classes_.added()));
    }

private:
    std::optional<RowId> class_id_of(const ReaderRow& row) {
        if (!row.school_class) return std::nullopt;
        return classes_.id_of(*row.school_class, row.language);
    }

    // By card; a row without one is the n-th stored namesake in the class (not one
    // whose card the file lists) when it is the n-th such row of the file.
    std::optional<StoredReader> find_stored(const ReaderRow& row, const ReaderFields& wanted) {
        if (!row.card.empty()) return readers_.by_card(row.card);
        const auto key = name_and_class(wanted.full_name, wanted.class_id);
        const auto occurrence = occurrences_.next(key);
        const auto stored = namesakes_.find(key);
        if (stored == namesakes_.end()) return std::nullopt;
        std::size_t seen = 0;
        for (const auto& reader : stored->second)
            if (!file_cards_.contains(reader.card) && seen++ == occurrence) return reader;
        return std::nullopt;
    }

    void add(const std::string& card, const ReaderFields& fields) {
        record_event("reader_added", readers_.insert(card, fields), card);
    }

    void record_event(std::string action, std::optional<RowId> reader_id, std::string detail) {
        events_.log_event(EventRecord{.at = now_,
                                      .station = "import",
                                      .actor = {ActorRole::import},
                                      .action = std::move(action),
                                      .reader_id = reader_id,
                                      .detail = std::move(detail)});
    }

    ReaderTable readers_;
    SchoolClasses classes_;
    LibraryStore events_;
    Timestamp now_;
    std::set<std::string, std::less<>> file_cards_;
    CardNumbers cards_;
    OccurrenceCounter occurrences_;
    // Readers added or updated by this import keep their name and class, so the
    // lists loaded at the start answer every row as the database would.
    std::unordered_map<std::string, std::vector<StoredReader>> namesakes_;
};

}  // namespace

ImportResult import_readers(SQLite::Database& db, SourceTable source, const ReaderImportOptions& options) {
    ImportResult result;
    const auto given = given_class(options.class_name, result.problems);
    if (!result.ok()) return result;
    auto tables = read_import_tables(std::move(source), reader_columns(), options.sheets, result.notes);
    if (!tables) return ImportResult{.problems = std::move(tables.error())};
    const auto rows = read_reader_rows(*tables, given, result);
    if (!result.ok()) return result;

    WriteTransaction transaction(db);
    {
        ReaderWriter writer(db, options, rows);
        for (const auto& row : rows) writer.apply(row, result);
        writer.log_summary(result);
    }
    if (!options.dry_run) transaction.commit();
    return result;
}

ImportResult import_readers(SQLite::Database& db, std::string_view file_bytes, const ReaderImportOptions& options) {
    return import_text_file(file_bytes,
                            [&](SourceTable source) { return import_readers(db, std::move(source), options); });
}

}  // namespace kitap::core
