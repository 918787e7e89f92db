#pragma once

#include "core/library/fault.hpp"
#include "core/offline/offline_journal.hpp"
#include "core/offline/offline_snapshot.hpp"

#include <optional>
#include <string>

namespace kitap::core {

// The latest snapshot of the server's readers and copies, kept in the kiosk's journal
// file (it must not outlive the journal) for the offline station to decide from. The
// offline station marks what it lends and takes back in it, so a copy lent offline is
// not lent twice; a new snapshot replaces all of it, so replace it once the journal's
// entries are on the server (acknowledged), or their loans would be forgotten.
class OfflineCache {
public:
    explicit OfflineCache(OfflineJournal& journal) : journal_(journal) {}

    // All or nothing, in one transaction.
    OrFault<void> replace(const OfflineSnapshot& snapshot);
    // When the snapshot kept was made; nullopt before the first one.
    OrFault<std::optional<Timestamp>> made_at();
    OrFault<std::optional<OfflineReader>> reader(const std::string& card);
    OrFault<std::optional<OfflineCopy>> copy(const std::string& barcode);

private:
    OfflineJournal& journal_;
};

}  // namespace kitap::core
