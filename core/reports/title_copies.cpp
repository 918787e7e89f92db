#include "core/reports/title_copies.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

CopyStatus status_from(const std::string& word) {
    return word == "lost" ? CopyStatus::lost : word == "written_off" ? CopyStatus::written_off : CopyStatus::in_fund;
}

}  // namespace

std::vector<TitleCopy> title_copies(SQLite::Database& db, RowId title_id) {
    SQLite::Statement copies(db, R"(
        SELECT cp.barcode, cp.status, cp.shelf, r.card, r.full_name, l.due
        FROM copy cp
        LEFT JOIN loan l ON l.copy_id = cp.id AND l.returned_at IS NULL
        LEFT JOIN reader r ON r.id = l.reader_id
        WHERE cp.title_id = ?1
        ORDER BY cp.barcode)");
    rebind(copies, title_id);
    std::vector<TitleCopy> found;
    while (copies.executeStep()) {
        found.push_back({.code = copies.getColumn(0).getString(),
                         .status = status_from(copies.getColumn(1).getString()),
                         .shelf = copies.getColumn(2).getString(),
                         .holder_card = optional_text(copies.getColumn(3)),
                         .holder_name = optional_text(copies.getColumn(4)),
                         .due = parse_iso_date(copies.getColumn(5).getString())});
    }
    return found;
}

}  // namespace kitap::core
