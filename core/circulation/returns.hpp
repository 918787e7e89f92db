#pragma once

#include "core/circulation/holds.hpp"
#include "core/circulation/library_store.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace kitap::core {

struct ItemToTakeBack {
    OpenLoan loan;
    TitleRecord title;
    std::optional<RowId> copy_id;  // a labelled copy; none for title-level stock
    int quantity = 1;
    Condition condition = Condition::good;
};

struct TakenBack {
    int quantity = 0;
    Condition condition = Condition::good;
    std::optional<std::int64_t> compensation_tiyn;  // due from the reader for damaged or lost items
    std::optional<ReaderSummary> kept_for;          // a reader waiting for the title: put it aside for them
};

// Takes an item back in the condition it came: a lost item leaves the fund (the
// copy is marked lost, or title-level stock shrinks), and a damaged or lost one
// leaves a compensation due at the title's price on the reader's record. What
// stays in the fund is kept for the readers waiting for the title, first come first.
// The caller holds the transaction.
TakenBack take_back(LibraryStore& store, Holds& holds, const ItemToTakeBack& item, Timestamp now,
                    const std::string& station, const EventActor& actor);

}  // namespace kitap::core
