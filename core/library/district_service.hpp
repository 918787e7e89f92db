#pragma once

#include "core/calendar.hpp"
#include "core/district/district_export.hpp"
#include "core/library/fault.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

struct LibraryCore;

// What the school sends the city's server (core/district/district_export.hpp); the
// sending itself is the front end's (`kitap sync`).
class DistrictService {
public:
    explicit DistrictService(LibraryCore& core) : core_(core) {}

    // The newest event's sequence number: a sync sends up to it, no further, so that a
    // page read later never reaches events written meanwhile (the next sync sends them).
    OrFault<std::int64_t> last_sequence();
    OrFault<std::optional<std::string>> event_hash(std::int64_t sequence);  // core::district_event_hash
    // At most `limit` events after `after` and none after `up_to`, oldest first; the
    // readers' pseudonym key is made on the first call that needs it.
    OrFault<std::vector<DistrictEvent>> events(std::int64_t after, std::int64_t up_to, int limit);
    OrFault<DistrictSnapshot> snapshot(Date today, std::int64_t sent_up_to);  // core::district_snapshot

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
