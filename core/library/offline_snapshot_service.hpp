#pragma once

#include "core/calendar.hpp"
#include "core/library/fault.hpp"
#include "core/offline/offline_snapshot.hpp"

namespace kitap::core {

struct LibraryCore;

// The server's side of the kiosks' offline mode: what a kiosk keeps to go on deciding
// scans while it cannot reach this library (see OfflineCache, OfflineStation).
class OfflineSnapshotService {
public:
    explicit OfflineSnapshotService(LibraryCore& core) : core_(core) {}

    // Every reader (with what they hold) and every labelled copy as of `now`, under this
    // library's rules, read in one transaction.
    OrFault<OfflineSnapshot> snapshot(Timestamp now);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
