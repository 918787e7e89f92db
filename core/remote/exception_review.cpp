#include "core/remote/exception_review.hpp"

#include "core/db/write_transaction.hpp"
#include "core/remote/journal_replay.hpp"

namespace kitap::core {
namespace {

constexpr const char* review_source = "exceptions";

// The open exception with this id, or why there is none to settle.
tl::expected<ScanException, ExceptionProblem> open_exception(ScanExceptionStore& exceptions, RowId id) {
    auto found = exceptions.find(id);
    if (!found) return tl::unexpected(ExceptionProblem::unknown_exception);
    if (found->settled) return tl::unexpected(ExceptionProblem::already_settled);
    return std::move(*found);
}

StationOutcome scan(Station& station, const std::string& code, Timestamp at) {
    return station.handle(Scan{.text = code, .source = review_source}, at).last();
}

// The card's session, then the code in it; the card's own outcome when it opened none.
StationOutcome rescan(Station& station, const ScanException& exception, Timestamp at) {
    if (!exception.card.empty() && exception.card != exception.code) {
        StationOutcome opened = scan(station, exception.card, at);
        if (opened.outcome != Outcome::session) return opened;
    }
    return scan(station, exception.code, at);
}

void settle(LibraryStore& store, ScanExceptionStore& exceptions, const ScanException& exception,
            ExceptionSettlement how, const ActionStamp& by) {
    exceptions.settle(exception.id, how, by.at);
    const auto action = how == ExceptionSettlement::accepted ? scan_exception_accepted : scan_exception_discarded;
    store.log_event(stamped(by, {.action = std::string(action), .detail = scan_exception_detail(exception)}));
}

}  // namespace

StationMode override_mode(StationMode scanned_in) {
    return scanned_in == StationMode::self ? StationMode::desk : scanned_in;
}

tl::expected<StationOutcome, ExceptionProblem> accept_scan_exception(LibraryStore& store, const Rules& rules, RowId id,
                                                                     const ActionStamp& by) {
    WriteTransaction transaction(store.db());
    ScanExceptionStore exceptions(store.db());
    const auto exception = open_exception(exceptions, id);
    if (!exception) return tl::unexpected(exception.error());
    Station station(store, rules, override_mode(exception->mode), by.station);
    StationOutcome outcome = rescan(station, *exception, by.at);
    if (replay_refusal(outcome)) return outcome;  // rolled back: a session the card opened counts no visit
    settle(store, exceptions, *exception, ExceptionSettlement::accepted, by);
    transaction.commit();
    return outcome;
}

std::optional<ExceptionProblem> discard_scan_exception(LibraryStore& store, RowId id, const ActionStamp& by) {
    WriteTransaction transaction(store.db());
    ScanExceptionStore exceptions(store.db());
    const auto exception = open_exception(exceptions, id);
    if (!exception) return exception.error();
    settle(store, exceptions, *exception, ExceptionSettlement::discarded, by);
    transaction.commit();
    return std::nullopt;
}

}  // namespace kitap::core
