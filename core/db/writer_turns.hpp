#pragma once

#include <chrono>
#include <mutex>

struct sqlite3;

namespace kitap::core {

// Within one process, the connections to one database file take turns to write.
// SQLite itself lets a waiting writer retry on a timer (the busy handler), so with
// four desks of `kitap serve` committing at once a writer could lose every retry to
// later ones and wait many commits; waiting on one mutex per file instead hands the
// write lock over as soon as a commit ends (to a waiter the mutex wakes: not strictly
// first come, first served). Other processes (the kiosk, the CLI) still meet at
// SQLite's lock, with the busy handler.
class WriterTurns {
public:
    // Called for every connection as it is opened (set_busy_wait): the file it writes
    // and how long its writes may wait, the same time SQLite's lock is waited for.
    static void enrol(sqlite3* connection, std::chrono::milliseconds timeout);

    // The connection's turn to write, held until the lock is let go of; an empty lock
    // for a connection to no file (":memory:"). Throws SQLite::Exception with
    // SQLITE_BUSY, as BEGIN IMMEDIATE would, when the turn did not come in time.
    static std::unique_lock<std::timed_mutex> take(sqlite3* connection);
};

}  // namespace kitap::core
