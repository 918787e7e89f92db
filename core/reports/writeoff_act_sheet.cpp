#include "core/reports/writeoff_act_sheet.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace kitap::core {

std::optional<WriteoffActSheet> writeoff_act_sheet(SQLite::Database& db, const std::string& number) {
    SQLite::Statement act(db, "SELECT id, act_date, reason FROM writeoff_act WHERE number = ?");
    if (!rebind(act, number).executeStep()) return std::nullopt;
    WriteoffActSheet sheet{number, act.getColumn(1).getString(), act.getColumn(2).getString(), {}};
    SQLite::Statement lines(db, R"(
        SELECT coalesce(c.barcode, t.isbn, ''), t.title, w.quantity, w.price_tiyn
        FROM writeoff_row w JOIN title t ON t.id = w.title_id LEFT JOIN copy c ON c.id = w.copy_id
        WHERE w.act_id = ? ORDER BY w.id)");
    rebind(lines, act.getColumn(0).getInt64());
    while (lines.executeStep())
        sheet.lines.push_back({lines.getColumn(0).getString(), lines.getColumn(1).getString(),
                               lines.getColumn(2).getInt(), lines.getColumn(3).getInt64()});
    return sheet;
}

}  // namespace kitap::core
