#include "core/remote/station_registry.hpp"

#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace kitap::core {

void StationRegistry::record_seen(std::string_view name, int journal_waiting, Timestamp now) {
    WriteTransaction transaction(db_);
    SQLite::Statement seen(db_, R"(
        INSERT INTO station (name, last_seen, journal_waiting) VALUES (?1, ?2, ?3)
        ON CONFLICT (name) DO UPDATE SET last_seen = excluded.last_seen, journal_waiting = excluded.journal_waiting)");
    rebind(seen, std::string(name), iso_timestamp(now), std::max(journal_waiting, 0));
    seen.exec();
    transaction.commit();
}

std::vector<StationStatus> StationRegistry::list(Timestamp now) {
    // A station account (role 'station') that never called is listed too, never seen.
    SQLite::Statement stations(db_, R"(
        SELECT name, last_seen, journal_waiting FROM station
        UNION ALL
        SELECT name, NULL, 0 FROM account WHERE role = 'station' AND name NOT IN (SELECT name FROM station)
        ORDER BY name)");
    std::vector<StationStatus> listed;
    while (stations.executeStep()) {
        const auto seen = optional_text(stations.getColumn(1));
        StationStatus status{.name = stations.getColumn(0).getString(),
                             .last_seen = seen ? parse_iso_timestamp(*seen) : std::nullopt,
                             .journal_waiting = stations.getColumn(2).getInt()};
        // A clock set back since the last call still counts as just seen.
        status.online = status.last_seen && now - *status.last_seen <= station_online_window;
        listed.push_back(std::move(status));
    }
    return listed;
}

}  // namespace kitap::core
