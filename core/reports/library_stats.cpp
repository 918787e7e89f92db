#include "core/reports/library_stats.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {

LibraryStats library_stats(SQLite::Database& db, Date today) {
    LibraryStats stats;
    SQLite::Statement readers(db, "SELECT category, count(*) FROM reader WHERE status = 'active' GROUP BY category");
    for (const char* category : {"pupil", "teacher", "staff", "other"}) stats.readers[category] = 0;
    while (readers.executeStep()) stats.readers[readers.getColumn(0).getString()] = readers.getColumn(1).getInt();
    SQLite::Statement totals(db, R"(
        SELECT (SELECT count(*) FROM title),
               (SELECT count(*) FROM copy WHERE status = 'in_fund'),
               (SELECT coalesce(sum(stock), 0) FROM title),
               (SELECT count(*) FROM loan WHERE returned_at IS NULL),
               (SELECT count(*) FROM loan WHERE returned_at IS NULL AND due < ?1))");
    rebind(totals, iso_date(today)).executeStep();
    stats.titles = totals.getColumn(0).getInt();
    stats.copies = totals.getColumn(1).getInt();
    stats.title_stock = totals.getColumn(2).getInt64();
    stats.open_loans = totals.getColumn(3).getInt();
    stats.overdue_loans = totals.getColumn(4).getInt();
    return stats;
}

}  // namespace kitap::core
