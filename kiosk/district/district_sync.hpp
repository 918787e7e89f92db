#pragma once

#include "core/calendar.hpp"
#include "core/library.hpp"

#include <pqxx/connection>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kitap::district {

struct SchoolIdentity {
    std::string id;  // [school] id
    std::string name;
};

// What one `kitap sync` did.
struct SyncReport {
    std::string school;
    std::int64_t events_sent = 0;  // events the district did not have
    // Sent again and found there (changed nothing). Only events after the district's
    // last are sent, so this stays 0 unless the district got them another way.
    std::int64_t events_already = 0;
    std::int64_t last_sequence = 0;                               // the newest event the district now holds
    std::vector<std::pair<std::string, std::int64_t>> snapshots;  // each snapshot's rows: "titles" -> 1234
};

// Sends the school's events the district has not acknowledged and replaces its
// snapshots there, all in one PostgreSQL transaction: a connection lost or a
// server killed half-way leaves the district as it was, and the next sync sends
// the same again. Two syncs of one school take turns (the school's row is locked);
// syncs of different schools run side by side. Events go by COPY, in pages, so a
// school's first sync of ten years' history never holds it all in memory.
// Storage faults of the school's library come back as values; the server's
// failures are thrown (pqxx::failure, DistrictError).
core::OrFault<SyncReport> sync_school(core::Library& library, const SchoolIdentity& school,
                                      pqxx::connection& connection, core::Date today);

}  // namespace kitap::district
