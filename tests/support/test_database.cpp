#include "tests/support/test_database.hpp"

#include <SQLiteCpp/Statement.h>

namespace kitap::testing {

std::string table_rows(SQLite::Database& db, std::vector<std::string> tables) {
    if (tables.empty()) {
        SQLite::Statement names(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
        while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
    }
    std::string rows;
    for (const auto& table : tables) {
        SQLite::Statement select(db, "SELECT * FROM \"" + table + "\"");
        while (select.executeStep()) {
            rows += table;
            for (int column = 0; column < select.getColumnCount(); ++column)
                rows += "|" + select.getColumn(column).getString();
            rows += '\n';
        }
    }
    return rows;
}

}  // namespace kitap::testing
