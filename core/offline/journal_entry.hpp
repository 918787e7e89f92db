#pragma once

#include "core/calendar.hpp"
#include "core/circulation/station.hpp"

#include <string>

namespace kitap::core {

// One scan a kiosk made while it could not reach the school's server: kept in the
// kiosk's journal (OfflineJournal), uploaded when the server is back, and applied
// there with the station rules at the time it was made (StationService::replay).
struct JournalEntry {
    // Unique per entry (128 random bits, hex), so an upload repeated after a crash
    // changes nothing: the server applies each id once.
    std::string id;
    std::string station;  // the kiosk's station name
    Timestamp scanned_at;
    // The card whose session the scan was made in ("" when none was open); the card
    // itself when the scan was the card.
    std::string card;
    std::string code;  // what was scanned
    StationMode mode = StationMode::self;

    friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

}  // namespace kitap::core
