#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

struct sqlite3;

namespace kitap::core {

// One file's commits made durable together (group commit at the sync). The database
// runs with synchronous=NORMAL, so COMMIT writes the transaction into the WAL without
// syncing it; each commit then waits here for a sync of the log that began after it
// was written. While one sync runs, the commits made meanwhile wait for it to end and
// the first of them syncs once for all: four desks of `kitap serve` committing at once
// pay about two syncs each, not four, and still none is answered before its effect is
// on disk. Another process's commits (the kiosk, the CLI) sync themselves, as the
// process is its own group.
class SharedSyncs {
public:
    // Called right after COMMIT wrote the transaction into the log, with the writer's
    // turn still held: the commit's place in the order of the file's commits.
    std::uint64_t committed();

    // Returns once a sync that began after `commit` was counted has ended, calling
    // `sync` (which syncs the log) when no other thread is syncing. A sync that throws
    // throws to its caller only; the commits that waited for it sync again.
    void wait_durable(std::uint64_t commit, const std::function<void()>& sync);

    // Syncs run so far (for tests and benchmarks).
    std::uint64_t syncs();

private:
    std::mutex mutex_;
    std::condition_variable sync_ended_;
    std::uint64_t committed_ = 0;
    std::uint64_t durable_ = 0;  // every commit up to this one is on disk
    std::uint64_t syncs_ = 0;
    bool syncing_ = false;
};

// A connection's checkpoints of the log (WAL). SQLite checkpoints it right after the
// COMMIT that brought it to 1000 frames or more, inside that COMMIT; with the writer's
// turn still held, the file's other writers in this process waited out the checkpoint
// (up to 4 MB copied into the database and synced: milliseconds, the longest waits of
// four desks scanning at once). While a WriteTransaction holds its turn the checkpoint
// is held back, and run by the same connection once the turn is given up and the
// commit is durable: the others write meanwhile, as a PASSIVE checkpoint lets them.
// Other commits of the connection (single statements) checkpoint as SQLite would.
// SQLite makes no checkpoint on a connection still in a read transaction (a one-row
// read left on its row keeps it in one): it answers SQLITE_LOCKED, and the log grows
// until a later commit's checkpoint; WriteTransaction::commit lets go of such reads.
class LogCheckpoints {
public:
    // Installed on every connection to a file as it is enrolled (WriterTurns::enrol).
    static int on_commit(void* self, sqlite3* connection, const char* database, int frames);

    void hold() { holding_ = true; }
    // Ends the holding back, running the checkpoint it held back (if any).
    void release(sqlite3* connection);

private:
    bool holding_ = false;
    bool due_ = false;
};

// A connection's turn to write (see WriterTurns), its file's SharedSyncs and its
// checkpoints, held back while the turn is held; all empty for a connection to no file.
struct WriterTurn {
    std::unique_lock<std::timed_mutex> lock;
    SharedSyncs* syncs = nullptr;           // lives as long as the process
    LogCheckpoints* checkpoints = nullptr;  // lives as long as the process
};

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

    // The connection's turn to write, held until its lock is let go of; empty for a
    // connection to no file (":memory:"). Throws SQLite::Exception with SQLITE_BUSY,
    // as BEGIN IMMEDIATE would, when the turn did not come in time.
    static WriterTurn take(sqlite3* connection);
};

}  // namespace kitap::core
