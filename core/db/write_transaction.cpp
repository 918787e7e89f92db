#include "core/db/write_transaction.hpp"

#include <sqlite3.h>

namespace kitap::core {
namespace {

SQLite::Database& without_open_reads(SQLite::Database& db) {
    sqlite3* connection = db.getHandle();
    for (sqlite3_stmt* statement = sqlite3_next_stmt(connection, nullptr); statement != nullptr;
         statement = sqlite3_next_stmt(connection, statement))
        if (sqlite3_stmt_busy(statement) && sqlite3_stmt_readonly(statement)) sqlite3_reset(statement);
    return db;
}

}  // namespace

WriteTransaction::WriteTransaction(SQLite::Database& db)
    : transaction_(without_open_reads(db), SQLite::TransactionBehavior::IMMEDIATE) {}

ReadTransaction::ReadTransaction(SQLite::Database& db)
    : transaction_(without_open_reads(db), SQLite::TransactionBehavior::DEFERRED) {}

}  // namespace kitap::core
