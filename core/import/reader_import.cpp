#include "core/import/reader_import.hpp"

#include "core/circulation/library_store.hpp"
#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"
#include "core/import/column_map.hpp"
#include "core/text/class_name.hpp"
#include "core/text/utf8.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace kitap::core {
namespace {

const ImportColumns& reader_columns() {
    static const ImportColumns columns{
        .headers = {{"name", {"name", "full name", "full_name", "фио", "ф.и.о.", "аты-жөні", "аты жөні", "полное имя"}},
                    {"class", {"class", "класс", "сынып"}},
                    {"card", {"card", "card number", "номер карты", "карта", "карта нөмірі", "barcode", "штрихкод"}},
                    {"category", {"category", "категория", "санаты", "санат"}},
                    {"language", {"language", "язык", "тілі", "тіл", "язык обучения", "оқыту тілі"}}},
        .required = {"name"},
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

std::optional<ClassKey> read_class(RowReader& row) {
    const auto text = row.text("class");
    if (text.empty()) return std::nullopt;
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
ReaderCategory read_category(RowReader& row) {
    const auto category = row.word("category", category_words(), "import.error.bad_category");
    const bool unreadable = !category && !row.text("category").empty();
    if (!unreadable && category.value_or(ReaderCategory::pupil) == ReaderCategory::pupil && row.text("class").empty())
        row.problem("import.error.pupil_without_class");
    return category.value_or(ReaderCategory::pupil);
}

ReaderRow read_reader_row(RowReader& row) {
    ReaderRow reader{.line = row.line(), .card = row.text("card"), .full_name = row.text("name")};
    if (reader.full_name.empty()) row.problem("import.error.empty_name");
    reader.school_class = read_class(row);
    reader.category = read_category(row);
    reader.language = read_language(row);
    return reader;
}

std::vector<ReaderRow> read_reader_rows(const ImportTable& table, std::vector<ImportProblem>& problems) {
    std::vector<ReaderRow> readers;
    readers.reserve(table.rows.size());
    DuplicateFinder cards("import.error.duplicate_card", "card");
    for (const auto& record : table.rows) {
        RowReader row(record, table.columns, problems);
        auto reader = read_reader_row(row);
        if (!reader.card.empty()) cards.first_time(reader.card, row);
        if (row.ok()) readers.push_back(std::move(reader));
    }
    return readers;
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

// Generated cards: '2', a 6-digit sequence, the Luhn check digit of those seven.
class CardSequence {
public:
    // Cards of that shape with a valid check digit move the sequence past them.
    void skip_past(std::string_view card) {
        if (card.size() != 8 || card.front() != '2' || !luhn_valid(card)) return;
        int sequence = 0;
        std::from_chars(card.data() + 1, card.data() + 7, sequence);
        used_.insert(sequence);
    }

    std::string next() {
        const int sequence = next_sequence();
        used_.insert(sequence);
        auto card = std::to_string(sequence);
        card.insert(0, 7 - card.size(), '0');  // at most six digits: the first zero becomes the '2'
        card.front() = '2';
        card += luhn_check_digit(card);
        return card;
    }

private:
    static constexpr int last_sequence = 999'999;

    // After the largest one used; once a card such as 29999992 (from another
    // system, or typed by hand) has taken the last, the lowest free one.
    int next_sequence() const {
        const int largest = used_.empty() ? 0 : *used_.rbegin();
        if (largest < last_sequence) return largest + 1;
        for (int sequence = 1; sequence < last_sequence; ++sequence)
            if (!used_.contains(sequence)) return sequence;
        throw std::length_error("every reader card number from 2000001x to 2999999x is taken");
    }

    std::set<int> used_;
};

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

class ReaderTable {
public:
    explicit ReaderTable(SQLite::Database& db)
        : db_(db),
          by_card_(db, "SELECT id, card, full_name, category, class_id, status FROM reader WHERE card = ?"),
          by_name_and_class_(db, R"(
              SELECT id, card, full_name, category, class_id, status FROM reader
              WHERE full_name = ? AND class_id IS ? ORDER BY id)"),
          insert_(db, "INSERT INTO reader (card, full_name, category, class_id) VALUES (?, ?, ?, ?)"),
          update_(db, "UPDATE reader SET full_name = ?, category = ?, class_id = ?, status = ? WHERE id = ?") {}

    std::optional<StoredReader> by_card(const std::string& card) {
        auto& query = rebind(by_card_, card);
        if (!query.executeStep()) return std::nullopt;
        auto reader = stored_reader(query);
        query.reset();
        return reader;
    }

    std::vector<StoredReader> by_name_and_class(const std::string& full_name, std::optional<RowId> class_id) {
        auto& query = rebind(by_name_and_class_, full_name, class_id);
        std::vector<StoredReader> readers;
        while (query.executeStep()) readers.push_back(stored_reader(query));
        return readers;
    }

    // The cards generated earlier, among all cards, for the sequence to continue.
    void skip_stored_cards(CardSequence& sequence) {
        SQLite::Statement query(db_, "SELECT card FROM reader WHERE card GLOB '2[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'");
        while (query.executeStep()) sequence.skip_past(query.getColumn(0).getString());
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
    SQLite::Statement by_name_and_class_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
};

class ReaderWriter {
public:
    ReaderWriter(SQLite::Database& db, const ReaderImportOptions& options, const std::vector<ReaderRow>& rows)
        : readers_(db), classes_(db, options), events_(db), now_(options.now) {
        readers_.skip_stored_cards(cards_);
        for (const auto& row : rows) {
            cards_.skip_past(row.card);
            if (!row.card.empty()) file_cards_.insert(row.card);
        }
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
        auto namesakes = readers_.by_name_and_class(wanted.full_name, wanted.class_id);
        std::erase_if(namesakes, [&](const StoredReader& reader) { return file_cards_.contains(reader.card); });
        const auto key = wanted.full_name + '\n' + (wanted.class_id ? std::to_string(*wanted.class_id) : "");
        const auto occurrence = occurrences_.next(key);
        if (occurrence >= namesakes.size()) return std::nullopt;
        return namesakes[occurrence];
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
    CardSequence cards_;
    std::set<std::string, std::less<>> file_cards_;
    OccurrenceCounter occurrences_;
};

}  // namespace

ImportResult import_readers(SQLite::Database& db, std::string_view file_bytes, const ReaderImportOptions& options) {
    auto table = read_import_table(file_bytes, reader_columns());
    if (!table) return ImportResult{.problems = std::move(table.error())};
    ImportResult result{.rows = table->rows.size()};
    const auto rows = read_reader_rows(*table, result.problems);
    if (!result.ok()) return result;

    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    {
        ReaderWriter writer(db, options, rows);
        for (const auto& row : rows) writer.apply(row, result);
        writer.log_summary(result);
    }
    if (!options.dry_run) transaction.commit();
    return result;
}

}  // namespace kitap::core
