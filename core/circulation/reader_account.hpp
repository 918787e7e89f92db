#pragma once

#include "core/circulation/library_store.hpp"
#include "core/circulation/returns.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// The librarian taking a book back from a named reader at the desk
// (`kitap return`): a labelled copy, or `count` copies of a title-level textbook.
struct DeskReturn {
    std::string card;
    std::string code;  // inventory barcode or ISBN
    int count = 1;
    Condition condition = Condition::good;
    Timestamp now;
    std::string station = "desk";
};

enum class DeskReturnRefusal { unknown_reader, unknown_item, not_on_loan };
std::string_view to_string(DeskReturnRefusal refusal);

struct DeskReturnOutcome {
    std::optional<TakenBack> taken;
    std::optional<DeskReturnRefusal> refusal;
    std::string title;
    int held = 0;  // what the reader held of it before
};

// One transaction: all of `count` comes back, or nothing when the reader holds fewer.
DeskReturnOutcome return_from_reader(LibraryStore& store, Holds& holds, const DeskReturn& request);

// What a leaving or graduating pupil must clear: every open loan and unsettled compensation.
struct Clearance {
    ReaderRecord reader;
    std::vector<HeldItem> loans;
    std::vector<Compensation> compensations;

    bool clear() const { return loans.empty() && compensations.empty(); }
};

std::optional<Clearance> clearance_for(LibraryStore& store, const std::string& card);

enum class Settlement { paid, replaced, waived };
std::optional<Settlement> settlement_from(std::string_view name);

// Settles the reader's open compensations (or the one with `compensation_id`);
// returns how many were settled.
int settle_compensations(LibraryStore& store, RowId reader_id, std::optional<RowId> compensation_id,
                         Settlement settlement, Timestamp now);

// What a reader paid at a terminal (SIP2's 37 Fee Paid): the compensation named, or
// all the reader's open ones, settled as paid when the amount is exactly what they
// come to. A terminal takes cash or a card and cannot give change or keep a part.
struct FeePayment {
    std::string card;
    std::optional<RowId> compensation_id;  // none: every open compensation of the reader
    std::int64_t amount_tiyn = 0;
    std::string station;
    Timestamp now;
};

enum class FeePaymentRefusal { unknown_reader, nothing_owed, unknown_fee, amount_differs };
std::string_view to_string(FeePaymentRefusal refusal);

struct FeePaymentOutcome {
    std::optional<FeePaymentRefusal> refusal;
    int settled = 0;
    std::int64_t owed_tiyn = 0;  // what the compensations paid for come (came) to
};

// One transaction; the settlement's event is the reader's act at the terminal.
FeePaymentOutcome pay_compensations(LibraryStore& store, const FeePayment& payment);

// SIP2's 01 Block Patron: the card is refused by self-service until the librarian
// unblocks it; either is a line of the audit log (blocking one the librarian must
// see, with the terminal that did it).
enum class CardBlockChange { done, unknown_card, unchanged };
CardBlockChange block_card(LibraryStore& store, const std::string& card, Timestamp now, const std::string& station);
CardBlockChange unblock_card(LibraryStore& store, const std::string& card, Timestamp now, const std::string& station);

}  // namespace kitap::core
