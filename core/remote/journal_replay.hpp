#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/circulation/station.hpp"
#include "core/db/prepared_statement.hpp"
#include "core/offline/journal_entry.hpp"
#include "core/remote/scan_exceptions.hpp"
#include "core/rules.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// What one upload of a kiosk's offline journal did.
struct ReplayResult {
    int applied = 0;     // entries applied now (their scans did what they did on the kiosk, or another success)
    int already = 0;     // entries applied by an earlier upload (same id): nothing changed
    int exceptions = 0;  // entries the rules refused now: each a ScanException for the librarian
    std::vector<std::string> acknowledged;  // ids the kiosk may drop from its journal (all three kinds)

    friend bool operator==(const ReplayResult&, const ReplayResult&) = default;
};

// Applies a station's offline journal as if each scan had reached the server when it
// was made: one self-service Station named after the station for the whole upload,
// each entry at its own time (so due dates run from then), the entry's card scanned
// first whenever the station's session is not already that card's (consecutive
// scans of one pupil are one session, one visit). Each entry id is applied at most
// once ever: the record of it is written in the same transaction as its effects.
class JournalReplay {
public:
    JournalReplay(LibraryStore& store, Rules rules, std::string station);

    // The entries in the order given, all in one transaction (the station's own scans
    // are savepoints of it): a crash or a fault midway keeps none of the upload, and
    // the kiosk sends it again. Entries are taken as the station's own whatever
    // station they name. A refused entry is listed as a ScanException, with an audit row.
    ReplayResult replay(const std::vector<JournalEntry>& entries, Timestamp now);

private:
    StationOutcome apply(const JournalEntry& entry, Timestamp at);
    StationOutcome open_session_of(const std::string& card, Timestamp at);
    void end_session(Timestamp at);
    StationOutcome scan(const std::string& code, Timestamp at);
    bool already_applied(const std::string& entry_id);
    void list_exception(const JournalEntry& entry, Reason reason, Timestamp now);

    LibraryStore& store_;
    std::string name_;
    Station station_;
    ScanExceptionStore exceptions_;
    PreparedStatement find_applied_;
    PreparedStatement insert_applied_;
    // The journal's card whose session the station has open, as the journal spells it.
    std::optional<std::string> session_card_;
};

// The reason an exception is listed for, when a replayed scan ended in `outcome`;
// nullopt for a scan that went through.
std::optional<Reason> replay_refusal(const StationOutcome& outcome);

}  // namespace kitap::core
