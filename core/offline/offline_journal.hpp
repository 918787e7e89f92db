#pragma once

#include "core/library/fault.hpp"
#include "core/offline/journal_entry.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kitap::core {

struct KioskFile;

// The scans a kiosk made while it could not reach the school's server, in the order
// made, kept in the kiosk's own SQLite file (never the school's database) until the
// server has applied them. Each entry is on disk (fsynced) before append returns, and
// the file survives the kiosk being killed at any point. Entries are never changed or
// removed: the server's acknowledgement is a mark of its own. One process at a time
// holds a journal (an exclusive lock for as long as it is open), so two kiosks never
// share one; a file belongs to the station it was made for.
class OfflineJournal {
public:
    // Creates the file (0600) and its folder when missing. A Fault when another process
    // holds it, when it is not a kiosk's journal, or when it is another station's.
    static OrFault<OfflineJournal> open(const std::filesystem::path& path, std::string station);
    ~OfflineJournal();
    OfflineJournal(OfflineJournal&&) noexcept;
    OfflineJournal& operator=(OfflineJournal&&) noexcept;

    const std::string& station() const { return station_; }

    // A new entry with a fresh id, durable when this returns. `card`: the session's card
    // ("" when none), or the card itself when the scan was the card.
    OrFault<JournalEntry> append(std::string card, std::string code, StationMode mode, Timestamp scanned_at);
    // The first `limit` entries the server has not acknowledged, oldest first.
    OrFault<std::vector<JournalEntry>> waiting(int limit);
    OrFault<int> waiting_count();
    // Marks entries the server has taken (in one transaction); ids this journal does not
    // hold, or already marked, are passed over. How many were marked now.
    OrFault<int> acknowledge(const std::vector<std::string>& ids);

private:
    friend class OfflineCache;
    friend class OfflineStation;

    OfflineJournal(std::unique_ptr<KioskFile> file, std::string station);

    std::unique_ptr<KioskFile> file_;
    std::string station_;
};

}  // namespace kitap::core
