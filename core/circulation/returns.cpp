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

}  // namespace

TakenBack take_back(LibraryStore& store, const ItemToTakeBack& item, Timestamp now, const std::string& station,
                    const EventActor& actor) {
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
    if (item.condition != Condition::damaged && item.condition != Condition::lost) return taken;
    if (item.condition == Condition::lost) remove_lost_from_fund(store, item, quantity);
    store.insert_compensation(item.loan.reader_id, item.title, item.copy_id, quantity, item.condition, now);
    taken.compensation_tiyn = item.title.price_tiyn * quantity;
    event.action = "compensation_due";
    store.log_event(event);
    return taken;
}

}  // namespace kitap::core
