#include "core/circulation/loan_history.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

std::vector<HistoryLine> history(SQLite::Database& db, const char* which, RowId id, int limit) {
    SQLite::Statement query(db, std::string(R"(
        SELECT coalesce(c.barcode, t.isbn, ''), t.title, r.card, r.full_name, l.quantity, l.loaned_at, l.returned_at
        FROM loan l
        JOIN title t ON t.id = l.title_id
        JOIN reader r ON r.id = l.reader_id
        LEFT JOIN copy c ON c.id = l.copy_id
        WHERE )") + which + R"( = ?
        ORDER BY l.loaned_at DESC, l.id DESC LIMIT ?)");
    rebind(query, id, limit);
    const auto day = [](const std::string& at) {
        const auto stamp = parse_iso_timestamp(at);
        return stamp ? std::optional(local_date(*stamp)) : std::nullopt;
    };
    std::vector<HistoryLine> lines;
    while (query.executeStep()) {
        HistoryLine line{.code = query.getColumn(0).getString(),
                         .title = query.getColumn(1).getString(),
                         .reader_card = query.getColumn(2).getString(),
                         .reader_name = query.getColumn(3).getString(),
                         .quantity = query.getColumn(4).getInt(),
                         .loaned = day(query.getColumn(5).getString()).value_or(Date{})};
        if (!query.getColumn(6).isNull()) line.returned = day(query.getColumn(6).getString());
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace

std::vector<HistoryLine> reader_history(SQLite::Database& db, RowId reader_id, int limit) {
    return history(db, "l.reader_id", reader_id, limit);
}

std::vector<HistoryLine> copy_history(SQLite::Database& db, RowId copy_id, int limit) {
    return history(db, "l.copy_id", copy_id, limit);
}

}  // namespace kitap::core
