#pragma once

#include "core/circulation/library_store.hpp"
#include "core/circulation/station.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/remote/scan_exceptions.hpp"
#include "core/rules.hpp"

#include <tl/expected.hpp>

#include <optional>

namespace kitap::core {

// The librarian's review of the exceptions list: each settled at most once, in one
// transaction with its audit row.

// The librarian's station an exception scanned in `scanned_in` is accepted at: the
// desk for a self-service scan, else the scan's own mode.
StationMode override_mode(StationMode scanned_in);

// Applies the exception's scan as the librarian's override: the card, then the code,
// through a station of override_mode named after `by`'s station, at `by`'s time. A
// refusal even then (a copy written off meanwhile, a reader who left) changes
// nothing, leaves the exception open and is the outcome returned.
tl::expected<StationOutcome, ExceptionProblem> accept_scan_exception(LibraryStore& store, const Rules& rules, RowId id,
                                                                     const ActionStamp& by);

// Closes the exception without applying its scan.
std::optional<ExceptionProblem> discard_scan_exception(LibraryStore& store, RowId id, const ActionStamp& by);

}  // namespace kitap::core
