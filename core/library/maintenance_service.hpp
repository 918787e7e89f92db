#pragma once

#include "core/calendar.hpp"
#include "core/db/backup_rotation.hpp"
#include "core/demo/demo_samples.hpp"
#include "core/demo/demo_school.hpp"
#include "core/library/fault.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace kitap::core {

struct LibraryCore;

struct BackupOutcome {
    std::filesystem::path written;
    std::vector<std::filesystem::path> deleted;         // old backups the rotation removed
    std::optional<std::filesystem::path> planted_link;  // refused: a link planted on the way; nothing written
};

// The database as a whole: its schema version, backups, the demo school.
class MaintenanceService {
public:
    explicit MaintenanceService(LibraryCore& core) : core_(core) {}

    OrFault<int> schema_version();
    OrFault<BackupOutcome> backup_to(const std::filesystem::path& file);
    OrFault<BackupOutcome> backup_rotated(const std::filesystem::path& dir, Timestamp now,
                                          const BackupRetention& retention);
    OrFault<bool> is_empty();
    OrFault<DemoSummary> fill_demo_school(const DemoOptions& options);
    OrFault<DemoSamples> demo_samples(Date today);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
