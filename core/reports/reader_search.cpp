#include "core/reports/reader_search.hpp"

#include "core/db/statement.hpp"
#include "core/text/utf8.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>

namespace kitap::core {

std::vector<ReaderRecord> reader_search(SQLite::Database& db, std::string_view text,
                                        const std::optional<std::vector<std::string>>& classes, int limit) {
    const std::string folded = fold_case(text);
    SQLite::Statement readers(db, R"(
        SELECT r.id, r.card, r.full_name, r.category, coalesce(c.grade || c.letter, ''), r.status
        FROM reader r LEFT JOIN school_class c ON c.id = r.class_id
        WHERE instr(kitap_fold(r.full_name), ?1) > 0 OR substr(r.card, 1, length(?1)) = ?1
        ORDER BY kitap_fold(r.full_name), r.card)");
    rebind(readers, folded);
    std::vector<ReaderRecord> found;
    // A teacher's classes are filtered here, not in SQL: a school has hundreds of readers, not millions.
    while (static_cast<int>(found.size()) < limit && readers.executeStep()) {
        ReaderRecord reader{
            .id = readers.getColumn(0).getInt64(),
            .card = readers.getColumn(1).getString(),
            .name = readers.getColumn(2).getString(),
            .category = reader_category_from(readers.getColumn(3).getString()).value_or(ReaderCategory::other),
            .class_name = readers.getColumn(4).getString(),
            .active = readers.getColumn(5).getString() == "active"};
        if (classes && std::ranges::find(*classes, reader.class_name) == classes->end()) continue;
        found.push_back(std::move(reader));
    }
    return found;
}

}  // namespace kitap::core
