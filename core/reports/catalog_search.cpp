#include "core/reports/catalog_search.hpp"

#include "core/db/statement.hpp"
#include "core/text/utf8.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace kitap::core {
namespace {

void sql_fold_case(sqlite3_context* context, int, sqlite3_value** values) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(values[0]));
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    const std::string folded =
        fold_case(std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(values[0]))));
    sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

// The digits of an ISBN as typed ("978-601-..."), when the text is nothing else.
std::string isbn_digits(std::string_view text) {
    std::string digits;
    for (const char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
        else if (c != '-' && c != ' ')
            return {};
    }
    return digits.size() >= 3 ? digits : std::string();
}

std::vector<std::string> shelves_of(SQLite::Statement& shelves, std::int64_t title_id) {
    std::vector<std::string> names;
    rebind(shelves, title_id);
    while (shelves.executeStep()) names.push_back(shelves.getColumn(0).getString());
    return names;
}

}  // namespace

std::vector<CatalogEntry> catalog_search(SQLite::Database& db, std::string_view text, int limit) {
    const std::string folded = fold_case(text);
    const std::string digits = isbn_digits(folded);
    SQLite::Statement titles(db, R"(
        SELECT t.id, t.title, t.authors, t.isbn, t.kind,
               t.stock + (SELECT count(*) FROM copy c WHERE c.title_id = t.id AND c.status = 'in_fund'),
               (SELECT coalesce(sum(l.quantity), 0) FROM loan l WHERE l.title_id = t.id AND l.returned_at IS NULL)
        FROM title t
        WHERE instr(kitap_fold(t.title), ?1) > 0 OR instr(kitap_fold(t.authors), ?1) > 0
              OR (?2 <> '' AND instr(t.isbn, ?2) > 0)
        ORDER BY kitap_fold(t.title), t.id
        LIMIT ?3)");
    SQLite::Statement shelves(db, R"(
        SELECT DISTINCT shelf FROM copy WHERE title_id = ?1 AND status = 'in_fund' AND shelf <> '' ORDER BY shelf)");
    rebind(titles, folded, digits, limit);
    std::vector<CatalogEntry> entries;
    while (titles.executeStep()) {
        CatalogEntry entry{.title = titles.getColumn(1).getString(),
                           .authors = titles.getColumn(2).getString(),
                           .isbn = optional_text(titles.getColumn(3)),
                           .kind = title_kind_from(titles.getColumn(4).getString()).value_or(TitleKind::fiction),
                           .shelves = shelves_of(shelves, titles.getColumn(0).getInt64()),
                           .total = titles.getColumn(5).getInt()};
        entry.available = std::max(0, entry.total - titles.getColumn(6).getInt());
        entries.push_back(std::move(entry));
    }
    return entries;
}

void add_fold_case_function(SQLite::Database& db) {
    const int result = sqlite3_create_function_v2(db.getHandle(), "kitap_fold", 1,
                                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                                  sql_fold_case, nullptr, nullptr, nullptr);
    if (result != SQLITE_OK) throw SQLite::Exception(db.getHandle(), result);
}

}  // namespace kitap::core
