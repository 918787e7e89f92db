#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/fund/refusal.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kitap::core {

// New books arriving: `count` more title-level copies of the ISBN's title, or
// one labelled copy per barcode (exactly one of the two).
struct ReceiptRequest {
    std::string isbn;  // as typed: hyphens, ISBN-10 accepted
    int count = 0;
    std::vector<std::string> barcodes;
    std::string shelf;            // where the new labelled copies stand
    std::int64_t price_tiyn = 0;  // per copy
    std::string source;           // supplier, waybill: free text for the register
    Date date;                    // the day they arrived; not after today
};

struct ReceiptDone {
    std::string isbn;
    std::string title;
    int copies = 0;
    std::int64_t sum_tiyn = 0;
};

// Registers a receipt in one transaction: a receipt row (title-level, with its
// quantity) or one per labelled copy, the stock or the copies, and a 'receipt'
// event per row. Bad input, nothing written: an invalid or uncatalogued ISBN,
// neither or both of count and barcodes, a barcode twice or already a copy's or
// reader's code, a date after today.
Checked<ReceiptDone> receive(SQLite::Database& db, const ReceiptRequest& request, const ActionStamp& by);

}  // namespace kitap::core
