#include "core/library/offline_snapshot_service.hpp"

#include "core/library/library_core.hpp"

namespace kitap::core {

OrFault<OfflineSnapshot> OfflineSnapshotService::snapshot(Timestamp now) {
    return guarded([&] { return read_offline_snapshot(core_.db, core_.rules, now); });
}

}  // namespace kitap::core
