#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// A station, as `kitap stations` lists it.
struct StationStatus {
    std::string name;
    bool online = false;  // seen within station_online_window
    std::optional<Timestamp> last_seen;
    int journal_waiting = 0;  // what the kiosk said was still in its journal at last_seen

    friend bool operator==(const StationStatus&, const StationStatus&) = default;
};

// A kiosk calls the server every few seconds while it is up; one not heard from for
// this long is offline (its cable out, its PC off).
inline constexpr std::chrono::seconds station_online_window{90};

// The stations: every one the server has heard from (table `station`) and every
// station account (its name is the station's name).
class StationRegistry {
public:
    explicit StationRegistry(SQLite::Database& db) : db_(db) {}

    // The station called at `now` with `journal_waiting` entries still in its journal
    // (a negative count, which no kiosk sends, is kept as 0). Commits by itself.
    void record_seen(std::string_view name, int journal_waiting, Timestamp now);
    // Every station by name, online or not as of `now`; an account that never called
    // has no last_seen.
    std::vector<StationStatus> list(Timestamp now);

private:
    SQLite::Database& db_;
};

}  // namespace kitap::core
