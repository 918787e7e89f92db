#include "core/db/write_transaction.hpp"

#include "core/db/writer_turns.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

namespace kitap::core {
namespace {

bool in_transaction(SQLite::Database& db) { return sqlite3_get_autocommit(db.getHandle()) == 0; }

// Syncs the connection's WAL file (SQLite's own handle on it): what synchronous=FULL
// would do at each commit, left to SharedSyncs so that one sync serves several.
void sync_log(SQLite::Database& db) {
    sqlite3_file* log = nullptr;
    if (sqlite3_file_control(db.getHandle(), "main", SQLITE_FCNTL_JOURNAL_POINTER, &log) != SQLITE_OK ||
        log == nullptr || log->pMethods == nullptr)
        return;  // no log open: nothing was written to one
    if (const int status = log->pMethods->xSync(log, SQLITE_SYNC_NORMAL); status != SQLITE_OK)
        throw SQLite::Exception("cannot sync the database's log to disk", status);
}

// One name for every level: SQLite releases and rolls back to the latest savepoint
// of a name, so nested ones unwind in order.
constexpr const char* savepoint = "kitap_write";

}  // namespace

SQLite::Database& without_open_reads(SQLite::Database& db) {
    sqlite3* connection = db.getHandle();
    for (sqlite3_stmt* statement = sqlite3_next_stmt(connection, nullptr); statement != nullptr;
         statement = sqlite3_next_stmt(connection, statement))
        if (sqlite3_stmt_busy(statement) && sqlite3_stmt_readonly(statement)) sqlite3_reset(statement);
    return db;
}

// Nested, the outer transaction holds the write lock already and its reads may be in
// use by the caller: nothing to let go of.
WriteTransaction::WriteTransaction(SQLite::Database& db) : db_(db), nested_(in_transaction(db)) {
    if (nested_) {
        db_.exec(std::string("SAVEPOINT ") + savepoint);
        return;
    }
    turn_ = WriterTurns::take(db_.getHandle());
    without_open_reads(db_).exec("BEGIN IMMEDIATE");
    if (turn_.checkpoints) turn_.checkpoints->hold();
}

WriteTransaction::~WriteTransaction() {
    if (turn_.checkpoints) turn_.checkpoints->release(db_.getHandle());  // rolled back, or a commit that threw
    if (committed_) return;
    try {
        if (nested_) {
            db_.exec(std::string("ROLLBACK TO ") + savepoint);
            db_.exec(std::string("RELEASE ") + savepoint);
        } else {
            db_.exec("ROLLBACK");
        }
    } catch (const SQLite::Exception&) {
        // SQLite has rolled the whole transaction back itself (an I/O error, a full disk).
    }
}

void WriteTransaction::commit() {
    db_.exec(nested_ ? std::string("RELEASE ") + savepoint : std::string("COMMIT"));
    committed_ = true;
    if (!turn_.syncs) return;
    const auto commit = turn_.syncs->committed();
    turn_.lock.unlock();  // the next writer need not wait for this one's sync
    turn_.syncs->wait_durable(commit, [this] { sync_log(db_); });
    // Nor for the checkpoint this commit made due, made now. The action is over: its
    // one-row reads left on their row are let go of first, as they keep the connection
    // in a read transaction, on which SQLite makes no checkpoint (SQLITE_LOCKED), and the
    // log would grow by every scan instead of starting over at 1000 frames.
    turn_.checkpoints->release(without_open_reads(db_).getHandle());
}

ReadTransaction::ReadTransaction(SQLite::Database& db)
    : transaction_(without_open_reads(db), SQLite::TransactionBehavior::DEFERRED) {}

}  // namespace kitap::core
