#include "core/import/catalog_import.hpp"

#include "core/circulation/library_store.hpp"
#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/fund/money.hpp"
#include "core/import/column_map.hpp"
#include "core/rules.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace kitap::core {
namespace {

const ImportColumns& catalog_columns() {
    static const ImportColumns columns{
        .headers = {{"title", {"title", "название", "наименование", "атауы", "кітап атауы"}},
                    {"authors", {"authors", "author", "автор", "авторы", "авторлары"}},
                    {"isbn", {"isbn"}},
                    {"publisher", {"publisher", "издательство", "баспа", "баспасы"}},
                    {"year", {"year", "год", "год издания", "жылы", "шыққан жылы"}},
                    {"language", {"language", "язык", "тілі", "тіл"}},
                    {"kind", {"kind", "type", "вид", "түрі"}},
                    {"grade", {"grade", "class", "класс", "сынып"}},
                    {"subject", {"subject", "предмет", "пән", "пәні"}},
                    {"price", {"price", "цена", "бағасы", "баға"}},
                    {"copies", {"copies", "количество", "кол-во", "саны", "экземпляры"}},
                    {"barcodes",
                     {"barcodes", "barcode", "штрихкоды", "штрихкод", "инвентарные номера", "инвентарный номер",
                      "инвентарлық нөмірлер", "инвентарлық нөмір"}}},
        .required = {"title"},
    };
    return columns;
}

const AliasTable<TitleKind>& kind_words() {
    static const AliasTable<TitleKind> words{
        {TitleKind::textbook, {"textbook", "учебник", "учебная", "оқулық"}},
        {TitleKind::fiction, {"fiction", "художественная", "художественная литература", "көркем", "көркем әдебиет"}},
        {TitleKind::reference, {"reference", "справочная", "справочник", "анықтамалық"}},
        {TitleKind::methodical, {"methodical", "методическая", "әдістемелік"}},
        {TitleKind::periodical, {"periodical", "периодика", "периодическая", "мерзімді"}},
        {TitleKind::electronic, {"electronic", "электронная", "электрондық"}},
    };
    return words;
}

// ---- Reading the rows ----------------------------------------------------

// What a row says about a title. An empty cell says nothing: the stored value stays.
struct TitleRow {
    std::size_t line = 0;
    std::string sheet;
    std::string title;
    std::optional<std::string> isbn;  // 13 digits
    std::optional<std::string> authors;
    std::optional<std::string> publisher;
    std::optional<int> year;
    std::optional<std::string> language;
    std::optional<TitleKind> kind;
    std::optional<int> grade;
    std::optional<std::string> subject;
    std::optional<std::int64_t> price_tiyn;
    std::optional<int> copies;  // the title-level stock
    std::vector<std::string> barcodes;
};

std::optional<std::string> non_empty(std::string text) {
    if (text.empty()) return std::nullopt;
    return text;
}

std::optional<std::int64_t> read_price(RowReader& row) {
    const auto text = row.text("price");
    if (text.empty()) return std::nullopt;
    const auto tiyn = tiyn_from_tenge(text);
    if (!tiyn) row.problem("import.error.bad_number", {{"column", "price"}, {"value", text}});
    return tiyn;
}

std::optional<std::string> read_isbn(RowReader& row) {
    const auto text = row.text("isbn");
    if (text.empty()) return std::nullopt;
    auto isbn = normalize_isbn(text);
    if (!isbn) row.problem("import.error.bad_isbn", {{"value", text}});
    return isbn;
}

std::optional<std::string> read_language(RowReader& row) {
    const auto code = row.word("language", language_words(), "import.error.bad_language");
    if (!code) return std::nullopt;
    return std::string(*code);
}

// Inventory numbers separated by spaces (or commas, semicolons).
std::vector<std::string> read_barcodes(RowReader& row) {
    std::vector<std::string> barcodes;
    std::string current;
    for (const char c : row.text("barcodes") + ' ') {
        if (c != ' ' && c != ',' && c != ';') {
            current += c;
        } else if (!current.empty()) {
            barcodes.push_back(std::move(current));
            current.clear();
        }
    }
    return barcodes;
}

TitleRow read_title_row(RowReader& row, const std::string& sheet) {
    TitleRow title{.line = row.line(), .sheet = sheet, .title = row.text("title")};
    if (title.title.empty()) row.problem("import.error.missing_title");
    title.isbn = read_isbn(row);
    title.authors = non_empty(row.text("authors"));
    title.publisher = non_empty(row.text("publisher"));
    title.year = row.whole_number("year", 1, 9999);
    title.language = read_language(row);
    title.kind = row.word("kind", kind_words(), "import.error.bad_kind");
    title.grade = row.whole_number("grade", 0, 11);
    title.subject = non_empty(row.text("subject"));
    title.price_tiyn = read_price(row);
    title.copies = row.whole_number("copies", 0, 1'000'000);
    title.barcodes = read_barcodes(row);
    return title;
}

std::vector<TitleRow> read_title_rows(const std::vector<ImportTable>& tables, ImportResult& result) {
    std::vector<TitleRow> titles;
    DuplicateFinder isbns("import.error.duplicate_isbn", "isbn");
    DuplicateFinder barcodes("import.error.duplicate_barcode", "barcode");
    for (const auto& table : tables) {
        for (const auto& record : table.rows) {
            RowReader row(record, table.columns, result.problems, table.sheet);
            auto title = read_title_row(row, table.sheet);
            if (title.isbn) isbns.first_time(*title.isbn, row);
            for (const auto& barcode : title.barcodes) barcodes.first_time(barcode, row);
            if (row.ok()) titles.push_back(std::move(title));
        }
        result.rows += table.rows.size();
    }
    return titles;
}

// ---- The stored titles ---------------------------------------------------

struct TitleValues {
    std::string title;
    std::string authors;
    std::optional<std::string> isbn;
    std::string publisher;
    std::optional<int> year;
    std::string language;
    TitleKind kind = TitleKind::fiction;
    std::optional<int> grade;
    std::string subject;
    std::int64_t price_tiyn = 0;
    int stock = 0;
    bool operator==(const TitleValues&) const = default;
};

struct StoredTitle {
    RowId id = 0;
    TitleValues values;
};

// The stored values with what the row says laid over them.
TitleValues merged(TitleValues values, const TitleRow& row) {
    values.title = row.title;
    values.authors = row.authors.value_or(values.authors);
    values.isbn = row.isbn ? row.isbn : values.isbn;
    values.publisher = row.publisher.value_or(values.publisher);
    values.year = row.year ? row.year : values.year;
    values.language = row.language.value_or(values.language);
    values.kind = row.kind.value_or(values.kind);
    values.grade = row.grade ? row.grade : values.grade;
    values.subject = row.subject.value_or(values.subject);
    values.price_tiyn = row.price_tiyn.value_or(values.price_tiyn);
    values.stock = row.copies.value_or(values.stock);
    return values;
}

std::string changed_fields(const TitleValues& before, const TitleValues& after) {
    ChangedFields changed;
    changed.compare("title", before.title, after.title);
    changed.compare("authors", before.authors, after.authors);
    changed.compare("isbn", before.isbn, after.isbn);
    changed.compare("publisher", before.publisher, after.publisher);
    changed.compare("year", before.year, after.year);
    changed.compare("language", before.language, after.language);
    changed.compare("kind", before.kind, after.kind);
    changed.compare("grade", before.grade, after.grade);
    changed.compare("subject", before.subject, after.subject);
    changed.compare("price", before.price_tiyn, after.price_tiyn);
    changed.compare("stock", before.stock, after.stock);
    return changed.names();
}

// What identifies a title without ISBN.
std::string identity_of(const std::string& title, const std::string& authors, const std::string& publisher,
                        std::optional<int> year) {
    return title + '\n' + authors + '\n' + publisher + '\n' + (year ? std::to_string(*year) : "");
}

std::string identity_of(const TitleRow& row) {
    return identity_of(row.title, row.authors.value_or(""), row.publisher.value_or(""), row.year);
}

constexpr const char* title_columns =
    "id, title, authors, isbn, publisher, year, language, kind, grade, subject, price_tiyn, stock";

class TitleTable {
public:
    explicit TitleTable(SQLite::Database& db)
        : db_(db),
          by_isbn_(db, std::string("SELECT ") + title_columns + " FROM title WHERE isbn = ?"),
          insert_(db, R"(
              INSERT INTO title (title, authors, isbn, publisher, year, language, kind, grade, subject, price_tiyn, stock)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"),
          update_(db, R"(
              UPDATE title SET title = ?, authors = ?, isbn = ?, publisher = ?, year = ?, language = ?, kind = ?,
                               grade = ?, subject = ?, price_tiyn = ?, stock = ?
              WHERE id = ?)"),
          insert_copy_(db, "INSERT INTO copy (barcode, title_id) VALUES (?, ?)") {}

    std::optional<StoredTitle> by_isbn(const std::string& isbn) {
        auto& query = rebind(by_isbn_, isbn);
        if (!query.executeStep()) return std::nullopt;
        auto title = stored_title(query);
        query.reset();
        return title;
    }

    // The titles without ISBN by identity, each list in the order they were added.
    std::unordered_map<std::string, std::vector<StoredTitle>> without_isbn() {
        SQLite::Statement query(db_,
                                std::string("SELECT ") + title_columns + " FROM title WHERE isbn IS NULL ORDER BY id");
        std::unordered_map<std::string, std::vector<StoredTitle>> titles;
        while (query.executeStep()) {
            auto title = stored_title(query);
            const auto& v = title.values;
            titles[identity_of(v.title, v.authors, v.publisher, v.year)].push_back(std::move(title));
        }
        return titles;
    }

    RowId insert(const TitleValues& v) {
        rebind(insert_, v.title, v.authors, v.isbn, v.publisher, v.year, v.language, std::string(to_string(v.kind)),
               v.grade, v.subject, v.price_tiyn, v.stock)
            .exec();
        return db_.getLastInsertRowid();
    }

    void update(RowId id, const TitleValues& v) {
        rebind(update_, v.title, v.authors, v.isbn, v.publisher, v.year, v.language, std::string(to_string(v.kind)),
               v.grade, v.subject, v.price_tiyn, v.stock, id)
            .exec();
    }

    RowId insert_copy(const std::string& barcode, RowId title_id) {
        rebind(insert_copy_, barcode, title_id).exec();
        return db_.getLastInsertRowid();
    }

private:
    static StoredTitle stored_title(SQLite::Statement& row) {
        return {row.getColumn(0).getInt64(),
                TitleValues{row.getColumn(1).getString(), row.getColumn(2).getString(), optional_text(row.getColumn(3)),
                            row.getColumn(4).getString(), optional_int(row.getColumn(5)), row.getColumn(6).getString(),
                            title_kind_from(row.getColumn(7).getString()).value_or(TitleKind::fiction),
                            optional_int(row.getColumn(8)), row.getColumn(9).getString(), row.getColumn(10).getInt64(),
                            row.getColumn(11).getInt()}};
    }

    SQLite::Database& db_;
    SQLite::Statement by_isbn_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement insert_copy_;
};

// ---- Planning against the database, then writing ---------------------------

// What one row will do: add a title or update a stored one, and add new copies.
struct TitlePlan {
    const TitleRow* row = nullptr;
    std::optional<StoredTitle> stored;
    std::vector<std::string> new_barcodes;
};

class CatalogImporter {
public:
    CatalogImporter(SQLite::Database& db, Timestamp now)
        : titles_(db), store_(db), without_isbn_(titles_.without_isbn()), now_(now) {}

    // Reads only; a row that clashes with the database adds its problems.
    TitlePlan plan(const TitleRow& row, std::vector<ImportProblem>& problems) {
        TitlePlan plan{.row = &row, .stored = find_stored(row)};
        for (const auto& barcode : row.barcodes)
            if (is_new_copy(barcode, plan, problems)) plan.new_barcodes.push_back(barcode);
        if (plan.stored && row.copies) check_loans(*plan.stored, *row.copies, row, problems);
        return plan;
    }

    void apply(const TitlePlan& plan, ImportResult& result) {
        if (!plan.stored) {
            const auto values = merged(TitleValues{}, *plan.row);
            const auto id = titles_.insert(values);
            record_event("title_added", id, std::nullopt, values.stock, values.title);
            add_copies(id, plan.new_barcodes);
            ++result.added;
            return;
        }
        const auto& stored = *plan.stored;
        const auto values = merged(stored.values, *plan.row);
        const bool title_changed = values != stored.values;
        if (title_changed) {
            titles_.update(stored.id, values);
            record_event("title_updated", stored.id, std::nullopt, std::nullopt, changed_fields(stored.values, values));
        }
        add_copies(stored.id, plan.new_barcodes);
        if (title_changed || !plan.new_barcodes.empty())
            ++result.updated;
        else
            ++result.unchanged;
    }

    void log_summary(const ImportResult& result) {
        record_event("import_catalog", std::nullopt, std::nullopt, std::nullopt,
                     counts_detail(result) + ", copies added " + std::to_string(copies_added_));
    }

private:
    // By ISBN; else the n-th title without ISBN of the same identity, for the n-th such row.
    std::optional<StoredTitle> find_stored(const TitleRow& row) {
        if (row.isbn)
            if (auto title = titles_.by_isbn(*row.isbn)) return title;
        const auto identity = identity_of(row);
        const auto occurrence = occurrences_.next(identity);
        const auto same = without_isbn_.find(identity);
        if (same == without_isbn_.end() || occurrence >= same->second.size()) return std::nullopt;
        return same->second[occurrence];
    }

    bool is_new_copy(const std::string& barcode, const TitlePlan& plan, std::vector<ImportProblem>& problems) {
        const auto copy = store_.copy_by_barcode(barcode);
        if (!copy) return true;
        if (!plan.stored || copy->title.id != plan.stored->id)
            problems.push_back({plan.row->line,
                                "import.error.barcode_other_title",
                                {{"barcode", barcode}, {"title", copy->title.title}},
                                plan.row->sheet});
        return false;
    }

    void check_loans(const StoredTitle& title, int copies, const TitleRow& row, std::vector<ImportProblem>& problems) {
        const int on_loan = store_.title_quantity_on_loan(title.id);
        if (copies < on_loan)
            problems.push_back({row.line,
                                "import.error.stock_below_loans",
                                {{"copies", std::to_string(copies)}, {"on_loan", std::to_string(on_loan)}},
                                row.sheet});
    }

    void add_copies(RowId title_id, const std::vector<std::string>& barcodes) {
        for (const auto& barcode : barcodes) {
            record_event("copy_added", title_id, titles_.insert_copy(barcode, title_id), std::nullopt, barcode);
            ++copies_added_;
        }
    }

    void record_event(std::string action, std::optional<RowId> title_id, std::optional<RowId> copy_id,
                      std::optional<int> quantity, std::string detail) {
        store_.log_event(EventRecord{.at = now_,
                                     .station = "import",
                                     .actor = {ActorRole::import},
                                     .action = std::move(action),
                                     .title_id = title_id,
                                     .copy_id = copy_id,
                                     .quantity = quantity,
                                     .detail = std::move(detail)});
    }

    TitleTable titles_;
    LibraryStore store_;
    std::unordered_map<std::string, std::vector<StoredTitle>> without_isbn_;
    OccurrenceCounter occurrences_;
    Timestamp now_;
    int copies_added_ = 0;
};

}  // namespace

ImportResult import_catalog(SQLite::Database& db, SourceTable source, const CatalogImportOptions& options) {
    ImportResult result;
    auto tables = read_import_tables(std::move(source), catalog_columns(), options.sheets, result.notes);
    if (!tables) return ImportResult{.problems = std::move(tables.error())};
    const auto rows = read_title_rows(*tables, result);

    WriteTransaction transaction(db);
    {
        CatalogImporter importer(db, options.now);
        std::vector<TitlePlan> plans;
        plans.reserve(rows.size());
        for (const auto& row : rows) plans.push_back(importer.plan(row, result.problems));
        if (!result.ok()) {
            std::stable_sort(result.problems.begin(), result.problems.end(),
                             [](const ImportProblem& a, const ImportProblem& b) {
                                 return std::tie(a.sheet, a.line) < std::tie(b.sheet, b.line);
                             });
            return result;
        }
        for (const auto& plan : plans) importer.apply(plan, result);
        importer.log_summary(result);
    }
    if (!options.dry_run) transaction.commit();
    return result;
}

ImportResult import_catalog(SQLite::Database& db, std::string_view file_bytes, const CatalogImportOptions& options) {
    return import_text_file(file_bytes,
                            [&](SourceTable source) { return import_catalog(db, std::move(source), options); });
}

}  // namespace kitap::core
