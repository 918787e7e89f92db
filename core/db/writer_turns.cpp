#include "core/db/writer_turns.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace kitap::core {
namespace {

// What the connections of one file share.
struct FileWriters {
    std::timed_mutex turn;
    SharedSyncs syncs;
};

struct Enrolment {
    std::shared_ptr<FileWriters> file;
    std::chrono::milliseconds timeout{0};
    // Kept when the connection is enrolled again: SQLite holds a pointer to it (the WAL hook).
    std::shared_ptr<LogCheckpoints> checkpoints = std::make_shared<LogCheckpoints>();
};

// SQLite's own threshold for its automatic checkpoints (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT).
constexpr int checkpoint_frames = 1000;

// Keyed by the connection's handle: a new connection at a freed handle's address is
// enrolled again before its first write, so an entry is never read stale. The files'
// FileWriters live as long as the process: a handful of files, a few bytes each.
struct Registry {
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<FileWriters>> by_file;
    std::map<sqlite3*, Enrolment> by_connection;
};

Registry& registry() {
    static Registry instance;
    return instance;
}

}  // namespace

void WriterTurns::enrol(sqlite3* connection, std::chrono::milliseconds timeout) {
    const char* file = sqlite3_db_filename(connection, "main");
    auto& known = registry();
    const std::scoped_lock lock(known.mutex);
    if (file == nullptr || *file == '\0') {
        known.by_connection.erase(connection);
        return;
    }
    auto& writers = known.by_file[file];
    if (!writers) writers = std::make_shared<FileWriters>();
    auto& enrolment = known.by_connection[connection];
    enrolment.file = writers;
    enrolment.timeout = timeout;
    sqlite3_wal_hook(connection, LogCheckpoints::on_commit, enrolment.checkpoints.get());
}

WriterTurn WriterTurns::take(sqlite3* connection) {
    Enrolment enrolment;
    {
        auto& known = registry();
        const std::scoped_lock lock(known.mutex);
        const auto found = known.by_connection.find(connection);
        if (found == known.by_connection.end()) return {};
        enrolment = found->second;
    }
    std::unique_lock turn(enrolment.file->turn, std::defer_lock);
    if (!turn.try_lock_for(enrolment.timeout))
        throw SQLite::Exception("database is locked: another writer of this process kept it past the busy timeout",
                                SQLITE_BUSY);
    return {std::move(turn), &enrolment.file->syncs, enrolment.checkpoints.get()};
}

int LogCheckpoints::on_commit(void* self, sqlite3* connection, const char* database, int frames) {
    auto& checkpoints = *static_cast<LogCheckpoints*>(self);
    if (frames < checkpoint_frames) return SQLITE_OK;
    if (checkpoints.holding_) {
        checkpoints.due_ = true;
        return SQLITE_OK;
    }
    // PASSIVE, as SQLite's own: a checkpoint that cannot finish now is done by a later commit.
    sqlite3_wal_checkpoint_v2(connection, database, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
}

void LogCheckpoints::release(sqlite3* connection) {
    holding_ = false;
    if (!std::exchange(due_, false)) return;
    sqlite3_wal_checkpoint_v2(connection, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

std::uint64_t SharedSyncs::committed() {
    const std::scoped_lock lock(mutex_);
    return ++committed_;
}

void SharedSyncs::wait_durable(std::uint64_t commit, const std::function<void()>& sync) {
    std::unique_lock lock(mutex_);
    while (durable_ < commit) {
        if (syncing_) {
            sync_ended_.wait(lock);
            continue;
        }
        // Everything counted by now was written before this sync begins, so it covers them all.
        const auto covered = committed_;
        syncing_ = true;
        lock.unlock();
        try {
            sync();
        } catch (...) {
            lock.lock();
            syncing_ = false;
            sync_ended_.notify_all();
            throw;
        }
        lock.lock();
        syncing_ = false;
        durable_ = covered;
        ++syncs_;
        sync_ended_.notify_all();
    }
}

std::uint64_t SharedSyncs::syncs() {
    const std::scoped_lock lock(mutex_);
    return syncs_;
}

}  // namespace kitap::core
