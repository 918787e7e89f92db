#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"

#include <string>

namespace kitap::core {

// Who made a change, where and when: what every event of the librarian's
// commands carries.
struct ActionStamp {
    Timestamp at;
    std::string station = "cli";
    EventActor actor{ActorRole::librarian};
};

// `event` with its time, station and actor taken from `by`.
inline EventRecord stamped(const ActionStamp& by, EventRecord event) {
    event.at = by.at;
    event.station = by.station;
    event.actor = by.actor;
    return event;
}

}  // namespace kitap::core
