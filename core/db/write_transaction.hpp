#pragma once

#include "core/db/sqlite_fwd.hpp"
#include "core/db/writer_turns.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

namespace kitap::core {

// Resets the one-row reads left open on the connection (prepared once, stepped to their
// row and kept). Until then such a statement holds the read snapshot it began with, so
// the connection would go on seeing the database as it was, and the WAL could not be
// checkpointed past it. Only where no query of the connection is being iterated.
SQLite::Database& without_open_reads(SQLite::Database& db);

// BEGIN IMMEDIATE on a connection that holds no read snapshot any more. A statement
// prepared once and left on its row (a one-row read not stepped to its end) keeps the
// connection's read transaction open; SQLite then answers the next BEGIN IMMEDIATE
// with SQLITE_BUSY at once while another program writes, instead of waiting out the
// busy timeout, and the kiosk would call a lock of a second a fault. Every write in
// core begins here, at the top of a user action, where no query of this connection
// is being iterated, so resetting the reads left open loses nothing.
//
// Begun inside another WriteTransaction of the same connection it is a savepoint
// instead: its commit releases the savepoint into the outer transaction, which
// decides. So an action that commits itself (a Station's scan) can be one step of a
// larger one (a journal's replay, whose record of what it applied must commit with
// the scans' effects or not at all). Rolled back unless committed; the destructor
// never throws. Outermost, it first waits for the connection's turn among this
// process's writers of the file (WriterTurns), held until it commits or rolls back,
// and its commit returns only once the log is synced (SharedSyncs: the turn is given
// up before, so the next writer works while this one's sync runs). A sync that fails
// throws SQLite::Exception with the I/O error: the action is then reported as a fault
// though it was written, as with synchronous=FULL. Its commit, the end of the action,
// also resets the reads left open, which would keep the log from being checkpointed
// (LogCheckpoints).
class WriteTransaction {
public:
    explicit WriteTransaction(SQLite::Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    SQLite::Database& db_;
    bool nested_;
    WriterTurn turn_;  // outermost only
    bool committed_ = false;
};

// BEGIN (deferred) for several reads that must see one state of the database, the
// state it is in now: like WriteTransaction, it first resets the reads left open on
// the connection, whose snapshot of the database (WAL) could be minutes old.
class ReadTransaction {
public:
    explicit ReadTransaction(SQLite::Database& db);

    void commit() { transaction_.commit(); }

private:
    SQLite::Transaction transaction_;
};

}  // namespace kitap::core
