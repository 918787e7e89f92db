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

}  // namespace kitap::core
