#include "core/library/station_service.hpp"

#include "core/library/library_core.hpp"
#include "core/remote/exception_review.hpp"

namespace kitap::core {

OrFault<ReplayResult> StationService::replay(std::string_view station, const std::vector<JournalEntry>& entries,
                                             Timestamp now) {
    return guarded([&] { return JournalReplay(core_.store, core_.rules, std::string(station)).replay(entries, now); });
}

OrFault<std::vector<ScanException>> StationService::exceptions(bool include_settled) {
    return guarded([&] { return ScanExceptionStore(core_.db).list(include_settled); });
}

OrFault<std::optional<ScanException>> StationService::exception(RowId id) {
    return guarded([&] { return ScanExceptionStore(core_.db).find(id); });
}

OrFault<tl::expected<StationOutcome, ExceptionProblem>> StationService::accept(RowId id, const ActionStamp& by) {
    return guarded([&] { return accept_scan_exception(core_.store, core_.rules, id, by); });
}

OrFault<std::optional<ExceptionProblem>> StationService::discard(RowId id, const ActionStamp& by) {
    return guarded([&] { return discard_scan_exception(core_.store, id, by); });
}

OrFault<void> StationService::record_seen(std::string_view station, int journal_waiting, Timestamp now) {
    return guarded([&] { StationRegistry(core_.db).record_seen(station, journal_waiting, now); });
}

OrFault<std::vector<StationStatus>> StationService::list(Timestamp now) {
    return guarded([&] { return StationRegistry(core_.db).list(now); });
}

}  // namespace kitap::core
