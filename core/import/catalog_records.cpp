#include "core/import/catalog_records.hpp"

#include "core/circulation/library_store.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/rules.hpp"
#include "core/text/control_chars.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <unordered_map>

namespace kitap::core {
namespace {

constexpr const char* description_columns =
    "title, responsibility, authors, isbn, publisher, year, language, subject, series, edition, pages, price_tiyn, "
    "kind, grade, stock";

CatalogDescription description_from(SQLite::Statement& row, int first) {
    const auto price = row.getColumn(first + 11).getInt64();
    const auto stock = row.getColumn(first + 14).getInt();
    return {.title = row.getColumn(first).getString(),
            .responsibility = row.getColumn(first + 1).getString(),
            .authors = row.getColumn(first + 2).getString(),
            .isbn = optional_text(row.getColumn(first + 3)),
            .publisher = row.getColumn(first + 4).getString(),
            .year = optional_int(row.getColumn(first + 5)),
            .language = row.getColumn(first + 6).getString(),
            .subject = row.getColumn(first + 7).getString(),
            .series = row.getColumn(first + 8).getString(),
            .edition = row.getColumn(first + 9).getString(),
            .pages = row.getColumn(first + 10).getString(),
            // A price of 0 is the table's "not known".
            .price_tiyn = price > 0 ? std::optional(price) : std::nullopt,
            .kind = title_kind_from(row.getColumn(first + 12).getString()),
            .grade = optional_int(row.getColumn(first + 13)),
            .stock = stock > 0 ? std::optional(stock) : std::nullopt};
}

// The stored values with what the record says laid over them.
CatalogDescription merged(CatalogDescription stored, const CatalogDescription& record) {
    const auto overlay = [](std::string& value, const std::string& given) {
        if (!given.empty()) value = given;
    };
    overlay(stored.title, record.title);
    overlay(stored.responsibility, record.responsibility);
    overlay(stored.authors, record.authors);
    overlay(stored.publisher, record.publisher);
    overlay(stored.language, record.language);
    overlay(stored.subject, record.subject);
    overlay(stored.series, record.series);
    overlay(stored.edition, record.edition);
    overlay(stored.pages, record.pages);
    if (record.isbn) stored.isbn = record.isbn;
    if (record.year) stored.year = record.year;
    if (record.price_tiyn) stored.price_tiyn = record.price_tiyn;
    if (record.kind) stored.kind = record.kind;
    if (record.grade) stored.grade = record.grade;
    // The stock stays: a matched title's count changes by receipts and write-offs, whose acts say why.
    return stored;
}

struct StoredTitle {
    RowId id = 0;
    CatalogDescription description;
};

struct CopyOwner {
    RowId title_id = 0;
    std::string title;
};

class CatalogTable {
public:
    explicit CatalogTable(SQLite::Database& db)
        : db_(db),
          by_isbn_(db, std::string("SELECT id, ") + description_columns + " FROM title WHERE isbn = ?"),
          by_identity_(db, std::string("SELECT id, ") + description_columns +
                               " FROM title WHERE title = ? AND authors = ? AND year IS ? ORDER BY id LIMIT 1"),
          insert_(db, std::string("INSERT INTO title (") + description_columns +
                          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          update_(db, R"(
              UPDATE title SET title = ?, responsibility = ?, authors = ?, isbn = ?, publisher = ?, year = ?,
                               language = ?, subject = ?, series = ?, edition = ?, pages = ?, price_tiyn = ?,
                               kind = ?, grade = ?
              WHERE id = ?)"),
          copy_owner_(db, "SELECT t.id, t.title FROM copy c JOIN title t ON t.id = c.title_id WHERE c.barcode = ?"),
          insert_copy_(db, "INSERT INTO copy (barcode, title_id, shelf) VALUES (?, ?, ?)") {}

    // By ISBN; a record without one by title, authors and year.
    std::optional<StoredTitle> find(const CatalogDescription& record) {
        if (record.isbn) return first_title(rebind(by_isbn_, *record.isbn));
        return first_title(rebind(by_identity_, record.title, record.authors, record.year));
    }

    std::optional<CopyOwner> copy_owner(const std::string& barcode) {
        auto& query = rebind(copy_owner_, barcode);
        if (!query.executeStep()) return std::nullopt;
        CopyOwner owner{query.getColumn(0).getInt64(), query.getColumn(1).getString()};
        query.reset();
        return owner;
    }

    RowId insert(const CatalogDescription& d) {
        rebind(insert_, d.title, d.responsibility, d.authors, d.isbn, d.publisher, d.year, d.language, d.subject,
               d.series, d.edition, d.pages, d.price_tiyn.value_or(0),
               std::string(to_string(d.kind.value_or(TitleKind::fiction))), d.grade, d.stock.value_or(0))
            .exec();
        return db_.getLastInsertRowid();
    }

    void update(RowId id, const CatalogDescription& d) {
        rebind(update_, d.title, d.responsibility, d.authors, d.isbn, d.publisher, d.year, d.language, d.subject,
               d.series, d.edition, d.pages, d.price_tiyn.value_or(0),
               std::string(to_string(d.kind.value_or(TitleKind::fiction))), d.grade, id)
            .exec();
    }

    RowId insert_copy(const CatalogHolding& holding, RowId title_id) {
        rebind(insert_copy_, holding.barcode, title_id, holding.shelf).exec();
        return db_.getLastInsertRowid();
    }

private:
    static std::optional<StoredTitle> first_title(SQLite::Statement& query) {
        if (!query.executeStep()) return std::nullopt;
        StoredTitle title{query.getColumn(0).getInt64(), description_from(query, 1)};
        query.reset();
        return title;
    }

    SQLite::Database& db_;
    SQLite::Statement by_isbn_;
    SQLite::Statement by_identity_;
    SQLite::Statement insert_;
    SQLite::Statement update_;
    SQLite::Statement copy_owner_;
    SQLite::Statement insert_copy_;
};

// Every text a record brings, by the column it goes to: none may hold a character
// that changes how text is shown (an escape sequence would reach the librarian's terminal).
std::vector<std::pair<std::string, std::string>> texts_of(const CatalogRecord& record) {
    const auto& d = record.description;
    std::vector<std::pair<std::string, std::string>> texts{
        {"title", d.title},       {"responsibility", d.responsibility},
        {"authors", d.authors},   {"publisher", d.publisher},
        {"language", d.language}, {"subject", d.subject},
        {"series", d.series},     {"edition", d.edition},
        {"pages", d.pages}};
    for (const auto& holding : record.holdings) {
        texts.emplace_back("barcode", holding.barcode);
        texts.emplace_back("shelf", holding.shelf);
    }
    return texts;
}

// Records are checked and written one after the other in one transaction, so a
// record matches a title an earlier record of the same import added.
class RecordImporter {
public:
    RecordImporter(SQLite::Database& db, Timestamp now) : titles_(db), store_(db), now_(now) {}

    // The problems that refuse `record`; none when it was written.
    std::vector<ImportProblem> import(const CatalogRecord& record, CatalogRecordsResult& result) {
        const auto stored = titles_.find(record.description);
        auto problems = check(record, stored);
        if (problems.empty()) write(record, stored, result);
        return problems;
    }

    void log_summary(const CatalogRecordsResult& result) {
        log("import_marc", std::nullopt, std::nullopt,
            "records " + std::to_string(result.records) + ", added " + std::to_string(result.titles_added) +
                ", updated " + std::to_string(result.titles_updated) + ", copies added " +
                std::to_string(result.copies_added) + ", skipped " + std::to_string(result.skipped));
    }

private:
    std::vector<ImportProblem> check(const CatalogRecord& record, const std::optional<StoredTitle>& stored) {
        std::vector<ImportProblem> problems;
        const auto problem = [&](std::string key, std::map<std::string, std::string> args) {
            problems.push_back({.line = record.number, .key = std::move(key), .args = std::move(args)});
        };
        if (record.description.title.empty()) problem("import.error.missing_title", {});
        for (const auto& [column, text] : texts_of(record))
            if (const auto control = first_control_character(text))
                problem("import.error.control_character",
                        {{"column", column}, {"code", code_point_name(control->code_point)}});
        if (const auto& isbn = record.description.isbn) {
            const auto [first, fresh] = isbn_records_.try_emplace(*isbn, record.number);
            if (!fresh)
                problem("marc.error.duplicate_isbn",
                        {{"isbn", *isbn}, {"first_record", std::to_string(first->second)}});
        }
        for (const auto& holding : record.holdings) {
            const auto [first, fresh] = barcode_records_.try_emplace(holding.barcode, record.number);
            if (!fresh) {
                problem("marc.error.duplicate_barcode",
                        {{"barcode", holding.barcode}, {"first_record", std::to_string(first->second)}});
                continue;
            }
            const auto owner = titles_.copy_owner(holding.barcode);
            if (owner && (!stored || owner->title_id != stored->id))
                problem("import.error.barcode_other_title", {{"barcode", holding.barcode}, {"title", owner->title}});
        }
        return problems;
    }

    void write(const CatalogRecord& record, const std::optional<StoredTitle>& stored, CatalogRecordsResult& result) {
        RowId title_id = 0;
        if (!stored) {
            title_id = titles_.insert(record.description);
            log("title_added", title_id, std::nullopt, record.description.title);
            ++result.titles_added;
        } else {
            title_id = stored->id;
            const auto values = merged(stored->description, record.description);
            if (values != stored->description) {
                titles_.update(title_id, values);
                log("title_updated", title_id, std::nullopt, values.title);
                ++result.titles_updated;
            }
        }
        for (const auto& holding : record.holdings) {
            if (titles_.copy_owner(holding.barcode)) continue;  // already this title's
            log("copy_added", title_id, titles_.insert_copy(holding, title_id), holding.barcode);
            ++result.copies_added;
        }
    }

    void log(std::string action, std::optional<RowId> title_id, std::optional<RowId> copy_id, std::string detail) {
        store_.log_event(EventRecord{.at = now_,
                                     .station = "import",
                                     .actor = {ActorRole::import},
                                     .action = std::move(action),
                                     .title_id = title_id,
                                     .copy_id = copy_id,
                                     .detail = std::move(detail)});
    }

    CatalogTable titles_;
    LibraryStore store_;
    Timestamp now_;
    std::unordered_map<std::string, std::size_t> isbn_records_;     // ISBN -> the first record with it
    std::unordered_map<std::string, std::size_t> barcode_records_;  // inventory number -> its first record
};

}  // namespace

CatalogRecordsResult import_catalog_records(SQLite::Database& db, const std::vector<CatalogRecord>& records,
                                            const CatalogRecordsOptions& options) {
    CatalogRecordsResult result{.records = records.size()};
    WriteTransaction transaction(db);
    {
        RecordImporter importer(db, options.now);
        for (const auto& record : records) {
            auto problems = importer.import(record, result);
            if (problems.empty()) continue;
            ++result.skipped;
            result.problems.insert(result.problems.end(), problems.begin(), problems.end());
        }
        if (!result.ok() && !options.skip_bad) return result;
        importer.log_summary(result);
    }
    if (options.dry_run) return result;
    transaction.commit();
    result.written = true;
    return result;
}

std::vector<CatalogRecord> catalog_records(SQLite::Database& db) {
    std::vector<CatalogRecord> records;
    std::unordered_map<RowId, std::size_t> index_of_title;
    SQLite::Statement titles(db, std::string("SELECT id, ") + description_columns + " FROM title ORDER BY id");
    while (titles.executeStep()) {
        index_of_title[titles.getColumn(0).getInt64()] = records.size();
        records.push_back({.number = records.size() + 1, .description = description_from(titles, 1)});
    }
    SQLite::Statement copies(db, "SELECT title_id, barcode, shelf FROM copy WHERE status = 'in_fund' ORDER BY barcode");
    while (copies.executeStep())
        records[index_of_title.at(copies.getColumn(0).getInt64())].holdings.push_back(
            {copies.getColumn(1).getString(), copies.getColumn(2).getString()});
    return records;
}

}  // namespace kitap::core
