#include "core/library/maintenance_service.hpp"

#include "core/db/backup.hpp"
#include "core/db/database.hpp"
#include "core/db/private_files.hpp"
#include "core/library/library_core.hpp"

namespace kitap::core {
namespace {

// A link planted where the backup goes is refused, not a fault: nothing was written.
template <typename Write>
OrFault<BackupOutcome> refusing_planted_links(Write&& write) {
    return guarded([&]() -> BackupOutcome {
        try {
            return write();
        } catch (const PlantedLinkError& e) {
            return {.planted_link = e.path1()};
        }
    });
}

}  // namespace

OrFault<int> MaintenanceService::schema_version() {
    return guarded([&] { return core::schema_version(core_.db); });
}

OrFault<BackupOutcome> MaintenanceService::backup_to(const std::filesystem::path& file) {
    return refusing_planted_links([&] {
        backup_database(core_.db, file);
        return BackupOutcome{.written = file};
    });
}

OrFault<BackupOutcome> MaintenanceService::backup_rotated(const std::filesystem::path& dir, Timestamp now,
                                                          const BackupRetention& retention) {
    return refusing_planted_links([&] {
        auto rotation = backup_with_rotation(core_.db, dir, now, retention);
        return BackupOutcome{.written = std::move(rotation.written), .deleted = std::move(rotation.deleted)};
    });
}

OrFault<bool> MaintenanceService::is_empty() {
    return guarded([&] { return library_is_empty(core_.db); });
}

OrFault<DemoSummary> MaintenanceService::fill_demo_school(const DemoOptions& options) {
    return guarded([&] { return core::fill_demo_school(core_.db, options); });
}

OrFault<DemoSamples> MaintenanceService::demo_samples(Date today) {
    return guarded([&] { return find_demo_samples(core_.db, today); });
}

}  // namespace kitap::core
