#pragma once

#include "core/db/sqlite_fwd.hpp"

namespace kitap::core {

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
// never throws.
class WriteTransaction {
public:
    explicit WriteTransaction(SQLite::Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    static SQLite::Database& without_open_reads(SQLite::Database& db);

    SQLite::Database& db_;
    bool nested_;
    bool committed_ = false;
};

}  // namespace kitap::core
