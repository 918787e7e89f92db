#include "core/db/writer_turns.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>

namespace kitap::core {
namespace {

struct Enrolment {
    std::shared_ptr<std::timed_mutex> turn;  // the file's, shared by its connections
    std::chrono::milliseconds timeout{0};
};

// Keyed by the connection's handle: a new connection at a freed handle's address is
// enrolled again before its first write, so an entry is never read stale. The files'
// mutexes live as long as the process: a handful of files, a few bytes each.
struct Registry {
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<std::timed_mutex>> by_file;
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
    auto& turn = known.by_file[file];
    if (!turn) turn = std::make_shared<std::timed_mutex>();
    known.by_connection[connection] = {turn, timeout};
}

std::unique_lock<std::timed_mutex> WriterTurns::take(sqlite3* connection) {
    Enrolment enrolment;
    {
        auto& known = registry();
        const std::scoped_lock lock(known.mutex);
        const auto found = known.by_connection.find(connection);
        if (found == known.by_connection.end()) return {};
        enrolment = found->second;
    }
    std::unique_lock turn(*enrolment.turn, std::defer_lock);
    if (!turn.try_lock_for(enrolment.timeout))
        throw SQLite::Exception("database is locked: another writer of this process kept it past the busy timeout",
                                SQLITE_BUSY);
    return turn;
}

}  // namespace kitap::core
