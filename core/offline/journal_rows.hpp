#pragma once

#include "core/db/prepared_statement.hpp"
#include "core/offline/journal_entry.hpp"

#include <string>
#include <vector>

namespace kitap::core {

// The journal's rows in a kiosk's file (see KioskFile), statements prepared once.
// Entries are never changed nor deleted (the file's triggers refuse it): an entry
// the server has taken is marked acknowledged in a table of its own.
class JournalRows {
public:
    JournalRows(SQLite::Database& db, std::string station);

    // A new entry with a fresh random id, inserted; durable once the caller's transaction commits.
    JournalEntry append(std::string card, std::string code, StationMode mode, Timestamp scanned_at);
    std::vector<JournalEntry> waiting(int limit);
    int waiting_count();
    // True when the entry exists and was not acknowledged before.
    bool acknowledge(const std::string& id);

private:
    std::string station_;
    PreparedStatement insert_;
    PreparedStatement waiting_;
    PreparedStatement waiting_count_;
    PreparedStatement acknowledge_;
};

}  // namespace kitap::core
