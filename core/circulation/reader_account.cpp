#include "core/circulation/reader_account.hpp"

#include "core/circulation/self_service_alerts.hpp"
#include "core/codes/check_digits.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

struct FoundItem {
    TitleRecord title;
    std::optional<RowId> copy_id;
    std::optional<OpenLoan> loan;
};

std::optional<FoundItem> find_held_item(LibraryStore& store, RowId reader_id, const std::string& code) {
    if (auto copy = store.copy_by_barcode(code)) {
        auto loan = store.open_loan_of_copy(copy->id);
        if (loan && loan->reader_id != reader_id) loan.reset();
        return FoundItem{copy->title, copy->id, loan};
    }
    const auto isbn = normalize_isbn(code);
    auto title = isbn ? store.title_by_isbn(*isbn) : std::nullopt;
    if (!title) return std::nullopt;
    return FoundItem{*title, std::nullopt, store.open_title_loan(reader_id, title->id)};
}

}  // namespace

constexpr auto desk_return_refusal_names = enum_names<DeskReturnRefusal>({
    {DeskReturnRefusal::unknown_reader, "unknown_reader"},
    {DeskReturnRefusal::unknown_item, "unknown_item"},
    {DeskReturnRefusal::not_on_loan, "not_on_loan"},
});

std::string_view to_string(DeskReturnRefusal refusal) { return desk_return_refusal_names.name_of(refusal); }

DeskReturnOutcome return_from_reader(LibraryStore& store, Holds& holds, const DeskReturn& request) {
    WriteTransaction transaction(store.db());
    const auto reader = store.reader_by_card(request.card);
    if (!reader) return {.refusal = DeskReturnRefusal::unknown_reader};
    auto item = find_held_item(store, reader->id, request.code);
    if (!item) return {.refusal = DeskReturnRefusal::unknown_item};
    DeskReturnOutcome outcome{.title = item->title.title};
    // A title may be held in several loan rows (issued on different days): take them in turn.
    for (int left = request.count; left > 0;) {
        auto loan = item->copy_id ? item->loan : store.open_title_loan(reader->id, item->title.id);
        if (!loan) break;
        outcome.held += loan->quantity;
        const int quantity = std::min(left, loan->quantity);
        auto taken = take_back(store, holds, {*loan, item->title, item->copy_id, quantity, request.condition},
                               request.now, request.station, {ActorRole::librarian});
        left -= taken.quantity;
        if (outcome.taken) {
            outcome.taken->quantity += taken.quantity;
            if (taken.compensation_tiyn) *outcome.taken->compensation_tiyn += *taken.compensation_tiyn;
            if (!outcome.taken->kept_for) outcome.taken->kept_for = taken.kept_for;
        } else {
            outcome.taken = taken;
        }
        if (item->copy_id) break;
    }
    if (!outcome.taken || outcome.taken->quantity < request.count) {
        outcome.taken.reset();
        outcome.refusal = DeskReturnRefusal::not_on_loan;
        return outcome;  // rolled back: all of `count` or nothing
    }
    transaction.commit();
    return outcome;
}

std::optional<Clearance> clearance_for(LibraryStore& store, const std::string& card) {
    auto reader = store.reader_by_card(card);
    if (!reader) return std::nullopt;
    return Clearance{*reader, store.held_items(reader->id), store.open_compensations(reader->id)};
}

constexpr auto settlement_names = enum_names<Settlement>({
    {Settlement::paid, "paid"},
    {Settlement::replaced, "replaced"},
    {Settlement::waived, "waived"},
});

std::optional<Settlement> settlement_from(std::string_view name) { return settlement_names.value_of(name); }

namespace {

// The caller holds the transaction.
int settle(LibraryStore& store, RowId reader_id, std::optional<RowId> compensation_id, Settlement settlement,
           const ActionStamp& by) {
    const std::string how(settlement_names.name_of(settlement));
    SQLite::Statement settle(store.db(), R"(
        UPDATE compensation SET settled_at = ?1, settlement = ?2
        WHERE reader_id = ?3 AND settled_at IS NULL AND (?4 IS NULL OR id = ?4))");
    const int settled = rebind(settle, iso_timestamp(by.at), how, reader_id, compensation_id).exec();
    if (settled > 0)
        store.log_event(stamped(by, {.action = "settle", .reader_id = reader_id, .quantity = settled, .detail = how}));
    return settled;
}

constexpr auto fee_payment_refusal_names = enum_names<FeePaymentRefusal>({
    {FeePaymentRefusal::unknown_reader, "unknown_reader"},
    {FeePaymentRefusal::nothing_owed, "nothing_owed"},
    {FeePaymentRefusal::unknown_fee, "unknown_fee"},
    {FeePaymentRefusal::amount_differs, "amount_differs"},
});

CardBlockChange change_card_block(LibraryStore& store, const std::string& card, bool blocked, const ActionStamp& by) {
    WriteTransaction transaction(store.db());
    const auto reader = store.reader_by_card(card);
    if (!reader) return CardBlockChange::unknown_card;
    if (reader->card_blocked == blocked) return CardBlockChange::unchanged;
    SQLite::Statement update(store.db(), "UPDATE reader SET card_blocked_at = ?1, card_blocked_by = ?2 WHERE id = ?3");
    if (blocked)
        rebind(update, iso_timestamp(by.at), by.station, reader->id).exec();
    else
        rebind(update, std::optional<std::string>(), std::optional<std::string>(), reader->id).exec();
    store.log_event(
        stamped(by, {.action = std::string(blocked ? self_service_alert::card_blocked : "reader_card_unblocked"),
                     .reader_id = reader->id}));
    transaction.commit();
    return CardBlockChange::done;
}

}  // namespace

int settle_compensations(LibraryStore& store, RowId reader_id, std::optional<RowId> compensation_id,
                         Settlement settlement, Timestamp now) {
    WriteTransaction transaction(store.db());
    const int settled = settle(store, reader_id, compensation_id, settlement, {.at = now, .station = "desk"});
    transaction.commit();
    return settled;
}

std::string_view to_string(FeePaymentRefusal refusal) { return fee_payment_refusal_names.name_of(refusal); }

FeePaymentOutcome pay_compensations(LibraryStore& store, const FeePayment& payment) {
    WriteTransaction transaction(store.db());
    const auto reader = store.reader_by_card(payment.card);
    if (!reader) return {.refusal = FeePaymentRefusal::unknown_reader};
    const auto open = store.open_compensations(reader->id);
    if (open.empty()) return {.refusal = FeePaymentRefusal::nothing_owed};
    FeePaymentOutcome outcome;
    bool named_found = false;
    for (const auto& compensation : open) {
        if (payment.compensation_id && compensation.id != *payment.compensation_id) continue;
        named_found = true;
        outcome.owed_tiyn += compensation.amount_tiyn;
    }
    if (!named_found) return {.refusal = FeePaymentRefusal::unknown_fee};
    if (payment.amount_tiyn != outcome.owed_tiyn) {
        outcome.refusal = FeePaymentRefusal::amount_differs;
        return outcome;
    }
    // The reader paid at the terminal; nobody at the desk took the money.
    const ActionStamp by{.at = payment.now, .station = payment.station, .actor = {ActorRole::reader, reader->card}};
    outcome.settled = settle(store, reader->id, payment.compensation_id, Settlement::paid, by);
    transaction.commit();
    return outcome;
}

CardBlockChange block_card(LibraryStore& store, const std::string& card, Timestamp now, const std::string& station) {
    // Nobody proved who they were: the terminal acts, as self-service's alerts have no actor.
    return change_card_block(store, card, true, {.at = now, .station = station, .actor = {ActorRole::none}});
}

CardBlockChange unblock_card(LibraryStore& store, const std::string& card, Timestamp now, const std::string& station) {
    return change_card_block(store, card, false, {.at = now, .station = station});
}

}  // namespace kitap::core
