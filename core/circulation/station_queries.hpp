#pragma once

#include "core/circulation/holds.hpp"
#include "core/security/reader_pins.hpp"
#include "core/stocktake/stocktake.hpp"
#include "core/textbooks/textbook_ledger.hpp"

namespace kitap::core {

// The statements every station on one connection prepares alike: the textbook
// ledger's, the stocktake's, the reservation queues' and the readers' PINs'. A
// LibraryStore prepares them with its first station (LibraryStore::station_queries) and
// every station opened after shares them: the web console opens a desk station per
// login session and mode, a SIP2 terminal one per connection, and opening one
// prepared thirty-one statements, milliseconds on the scan that opened it. Stations of
// one connection are used one call at a time, as the connection is.
struct StationQueries {
    explicit StationQueries(LibraryStore& store)
        : ledger(store.db()), stocktake(store), holds(store.db()), pins(store.db()) {}

    TextbookLedger ledger;
    StocktakeRecorder stocktake;
    HoldQueries holds;
    ReaderPins pins;
};

}  // namespace kitap::core
