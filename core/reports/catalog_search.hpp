#pragma once

#include "core/db/sqlite_fwd.hpp"
#include "core/rules.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// A title as the public catalogue shows it: what it is, where it stands and whether
// a copy is free. Never who holds one.
struct CatalogEntry {
    std::int64_t title_id = 0;  // what a reservation names
    std::string title;
    std::string authors;
    std::optional<std::string> isbn;
    TitleKind kind = TitleKind::fiction;
    std::vector<std::string> shelves;  // where its labelled copies in the fund stand, by name
    int total = 0;                     // labelled copies in the fund and title-level stock
    int available = 0;                 // of those, neither on loan nor kept for a reservation

    friend bool operator==(const CatalogEntry&, const CatalogEntry&) = default;
};

// The longest search text taken: a title or an author's name fits many times over.
inline constexpr std::size_t max_catalog_query = 200;

// Titles with a word beginning with each word of `text` in their title, authors,
// subject or series (the full-text index title_search: case ignored in Kazakh, Russian
// and English; a text without Kazakh letters also finds them written with the Russian
// ones), or, for a text of three digits or more (hyphens and spaces aside), whose ISBN
// begins with them. Best first (a word of the title counts most), at most `limit`;
// nothing for a text with no word in it. First takes the titles written since the
// last search into the index (a write transaction when there are any).
std::vector<CatalogEntry> catalog_search(SQLite::Database& db, std::string_view text, int limit);

// Registers kitap_fold(text), core::fold_case as an SQL function, on a connection.
void add_fold_case_function(SQLite::Database& db);

}  // namespace kitap::core
