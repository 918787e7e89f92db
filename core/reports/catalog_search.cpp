#include "core/reports/catalog_search.hpp"

#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
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

// The Kazakh letters that Russian has not; a text with none of them is searched in the
// index's columns with those letters written as Russian ones.
bool has_kazakh_letter(std::string_view text) {
    for (const std::string_view letter :
         {"Ә", "ә", "Ғ", "ғ", "Қ", "қ", "Ң", "ң", "Ө", "ө", "Ұ", "ұ", "Ү", "ү", "Һ", "һ", "І", "і"})
        if (text.find(letter) != std::string_view::npos) return true;
    return false;
}

// `word` as an FTS5 string, a prefix: quoted, so nothing in it is query syntax.
std::string prefix_term(std::string_view word) {
    std::string term = "\"";
    for (const char c : word) term += c == '"' ? std::string("\"\"") : std::string(1, c);
    return term + "\"*";
}

// Whether `word` may hold a letter or digit: a word of punctuation alone ("-") would
// be an empty phrase, which matches nothing, and so would the whole query.
bool may_hold_letters(std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](const char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
}

// The FTS5 query for `text`: every word a prefix, all of them needed, in the columns
// that suit it; empty when the text has no word.
std::string match_expression(std::string_view text) {
    if (const auto digits = isbn_digits(text); !digits.empty()) return "isbn : " + prefix_term(digits);
    std::string terms;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find_first_of(" \t\n\r", start), text.size());
        if (const auto word = text.substr(start, end - start); may_hold_letters(word))
            terms += (terms.empty() ? "" : " AND ") + prefix_term(word);
        start = end + 1;
    }
    if (terms.empty()) return {};
    const char* columns = has_kazakh_letter(text) ? "{title authors subjects}" : "{title_ru authors_ru subjects_ru}";
    return std::string(columns) + " : (" + terms + ")";
}

std::vector<std::string> shelves_of(SQLite::Statement& shelves, std::int64_t title_id) {
    std::vector<std::string> names;
    rebind(shelves, title_id);
    while (shelves.executeStep()) names.push_back(shelves.getColumn(0).getString());
    return names;
}

// Takes the titles written since (title_search_stale) into the index, in one write
// transaction; nothing to write most of the time.
void take_in_written_titles(SQLite::Database& db) {
    if (!db.execAndGet("SELECT EXISTS (SELECT 1 FROM title_search_stale)").getInt()) return;
    WriteTransaction transaction(db);
    db.exec("DELETE FROM title_search WHERE rowid IN (SELECT title_id FROM title_search_stale)");
    db.exec(R"(INSERT INTO title_search (rowid, title, authors, subjects, isbn, title_ru, authors_ru, subjects_ru)
               SELECT * FROM title_search_row WHERE id IN (SELECT title_id FROM title_search_stale))");
    db.exec("DELETE FROM title_search_stale");
    transaction.commit();
}

}  // namespace

std::vector<CatalogEntry> catalog_search(SQLite::Database& db, std::string_view text, int limit) {
    const std::string match = match_expression(text);
    if (match.empty()) return {};
    take_in_written_titles(db);
    // bm25's weights follow the index's columns: title, authors, subjects, isbn, then the same three again.
    // The loans on a title are counted in two parts, each on its partial index of open loans
    // (by title for a textbook's count, by copy for a labelled copy): ten years' loans are never read.
    // A copy kept for a reader who reserved it is not available to anyone else.
    SQLite::Statement titles(db, R"(
        SELECT t.id, t.title, t.authors, t.isbn, t.kind,
               t.stock + (SELECT count(*) FROM copy c WHERE c.title_id = t.id AND c.status = 'in_fund'),
               (SELECT coalesce(sum(l.quantity), 0) FROM loan l
                WHERE l.title_id = t.id AND l.copy_id IS NULL AND l.returned_at IS NULL) +
               (SELECT count(*) FROM copy c JOIN loan l ON l.copy_id = c.id
                WHERE c.title_id = t.id AND l.copy_id IS NOT NULL AND l.returned_at IS NULL) +
               (SELECT count(*) FROM hold h WHERE h.title_id = t.id AND h.state = 'ready')
        FROM (SELECT rowid AS id, bm25(title_search, 10.0, 5.0, 2.0, 1.0, 10.0, 5.0, 2.0) AS rank
              FROM title_search WHERE title_search MATCH ?1 ORDER BY rank LIMIT ?2) found
        JOIN title t ON t.id = found.id
        ORDER BY found.rank, t.title, t.id)");
    SQLite::Statement shelves(db, R"(
        SELECT DISTINCT shelf FROM copy WHERE title_id = ?1 AND status = 'in_fund' AND shelf <> '' ORDER BY shelf)");
    rebind(titles, match, limit);
    std::vector<CatalogEntry> entries;
    while (titles.executeStep()) {
        CatalogEntry entry{.title_id = titles.getColumn(0).getInt64(),
                           .title = titles.getColumn(1).getString(),
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
