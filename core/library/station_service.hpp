#pragma once

#include "core/calendar.hpp"
#include "core/circulation/station.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/library/fault.hpp"
#include "core/offline/journal_entry.hpp"
#include "core/remote/journal_replay.hpp"
#include "core/remote/scan_exceptions.hpp"
#include "core/remote/station_registry.hpp"

#include <tl/expected.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace kitap::core {

struct LibraryCore;

// Stations on other PCs, as the server keeps them: their offline journals replayed,
// the exceptions list the replays leave for the librarian, and which stations are up.
class StationService {
public:
    explicit StationService(LibraryCore& core) : core_(core) {}

    // `station`'s journal entries, in order, each applied at most once ever
    // (JournalReplay): one transaction for the upload.
    OrFault<ReplayResult> replay(std::string_view station, const std::vector<JournalEntry>& entries, Timestamp now);
    // The open exceptions, oldest first; the settled ones too when asked.
    OrFault<std::vector<ScanException>> exceptions(bool include_settled = false);
    OrFault<std::optional<ScanException>> exception(RowId id);
    // The exception's scan applied as the librarian's override (accept_scan_exception):
    // its outcome, refused when even the desk's rules refuse it (the exception stays open).
    OrFault<tl::expected<StationOutcome, ExceptionProblem>> accept(RowId id, const ActionStamp& by);
    OrFault<std::optional<ExceptionProblem>> discard(RowId id, const ActionStamp& by);
    // `station` called now, with `journal_waiting` entries still in its journal.
    OrFault<void> record_seen(std::string_view station, int journal_waiting, Timestamp now);
    // Every station heard from, by name.
    OrFault<std::vector<StationStatus>> list(Timestamp now);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
