#include "core/circulation/returns.hpp"

namespace kitap::core {
namespace {

// Only what was on loan leaves the fund, however many the caller asked to take back.
void remove_lost_from_fund(LibraryStore& store, const ItemToTakeBack& item, int quantity) {
    if (item.copy_id)
        store.set_copy_status(*item.copy_id, CopyStatus::lost);
    else
        store.remove_title_stock(item.title.id, quantity);
}

// Each unit back in the fund goes to the next reader waiting, while any waits; the
// first of them is who the returner is told to put it aside for.
std::optional<ReaderSummary> keep_for_waiting(Holds& holds, const ItemToTakeBack& item, int quantity, Timestamp now,
                                              const std::string& station) {
    std::optional<ReaderSummary> first;
    for (int unit = 0; unit < quantity; ++unit) {
        auto kept = holds.keep_for_next(item.title.id, item.copy_id, now, station);
        if (!kept) break;
        if (!first) first = std::move(kept);
    }
    return first;
}

}  // namespace

TakenBack take_back(LibraryStore& store, Holds& holds, const ItemToTakeBack& item, Timestamp now,
                    const std::string& station, const EventActor& actor) {
    const int quantity = std::min(item.quantity, item.loan.quantity);
    store.return_loan(item.loan, quantity, now, item.condition);
    EventRecord event{.at = now,
                      .station = station,
                      .actor = actor,
                      .action = "return",
                      .reader_id = item.loan.reader_id,
                      .title_id = item.title.id,
                      .copy_id = item.copy_id,
                      .quantity = quantity,
                      .detail = std::string(to_string(item.condition))};
    store.log_event(event);
    TakenBack taken{.quantity = quantity, .condition = item.condition};
    if (item.condition != Condition::lost) taken.kept_for = keep_for_waiting(holds, item, quantity, now, station);
    if (item.condition != Condition::damaged && item.condition != Condition::lost) return taken;
    if (item.condition == Condition::lost) remove_lost_from_fund(store, item, quantity);
    store.insert_compensation(item.loan.reader_id, item.title, item.copy_id, quantity, item.condition, now);
    taken.compensation_tiyn = item.title.price_tiyn * quantity;
    event.action = "compensation_due";
    store.log_event(event);
    return taken;
}

}  // namespace kitap::core
