#pragma once

#include "core/db/backup.hpp"
#include "core/library/account_service.hpp"
#include "core/library/audit_service.hpp"
#include "core/library/circulation_service.hpp"
#include "core/library/district_service.hpp"
#include "core/library/fault.hpp"
#include "core/library/fund_service.hpp"
#include "core/library/hold_service.hpp"
#include "core/library/import_service.hpp"
#include "core/library/lookup_service.hpp"
#include "core/library/maintenance_service.hpp"
#include "core/library/offline_snapshot_service.hpp"
#include "core/library/report_service.hpp"
#include "core/library/settings_service.hpp"
#include "core/library/station_handle.hpp"
#include "core/library/station_service.hpp"
#include "core/library/stocktake_service.hpp"
#include "core/library/textbook_service.hpp"
#include "core/library/year_service.hpp"
#include "core/rules.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace kitap::core {

struct LibraryCore;

// Where the database's data stands: PRAGMA data_version (commits by other connections)
// and this connection's own changes. Equal values mean nothing was committed between.
struct DataVersion {
    std::int64_t others = 0;
    std::int64_t own = 0;

    friend bool operator==(const DataVersion&, const DataVersion&) = default;
};

struct LibraryOptions {
    Rules rules;
    // How long a write waits for another program's lock before it is a `locked` fault.
    std::chrono::milliseconds busy_timeout{5000};
    // When set, written at opening (the time, under this key) waiting at most
    // `proof_timeout` for a lock: proof that the database takes a durable write
    // before a front end tells people it works.
    std::optional<std::string> proof_setting;
    std::chrono::milliseconds proof_timeout{250};
};

// The library every front end holds: it opens and migrates the database under the
// connection rules (WAL, each commit synced before it returns, foreign keys, a busy timeout), hands out
// stations, and serves everything else as value-returning calls grouped by subject.
// Broken storage comes back as a Fault, never as an exception. Not thread-safe: one
// thread at a time (a worker that owns it, or the caller's).
class Library {
public:
    static OrFault<Library> open(const std::filesystem::path& path, LibraryOptions options = {});
    // Puts a checked backup in place of the database at `path` (core::restore_database),
    // with no Library open on it; the problem, when the backup was refused.
    static OrFault<std::optional<RestoreProblem>> restore(const std::filesystem::path& path,
                                                          const std::filesystem::path& backup);
    ~Library();
    Library(Library&&) noexcept;
    Library& operator=(Library&&) noexcept;

    const std::filesystem::path& path() const;
    const Rules& rules() const;

    // A station over this library (it must not outlive it), under the library's rules or others.
    StationHandle open_station(StationMode mode, std::string name);
    StationHandle open_station(StationMode mode, std::string name, Rules rules);

    // Every event-log row this library appends from now on names this web account (a
    // name, never empty; nullopt: none, as for the kiosk and the CLI). The web console
    // sets it on every request it lends this library to, and clears it after.
    void act_as(std::optional<std::string> account);

    // Lets go of the read snapshot a one-row read may have left open, so that the next
    // call sees every commit made since: a server lending one Library to request after
    // request calls it between them (a reader added by another program, or by another
    // connection of the server, is then found). A front end waiting for its next input
    // (the kiosk between pupils) calls it too: the snapshot it held would keep every
    // later commit of the other programs in the log (WAL), uncheckpointed and growing.
    void release_reads();

    // Changes whenever anything is committed to the database, by this Library or by any
    // other program: a cache of answers made from the data keeps them while it stays.
    OrFault<DataVersion> data_version();

    AccountService accounts() { return AccountService(*core_); }
    AuditService audit() { return AuditService(*core_); }
    CirculationService circulation() { return CirculationService(*core_); }
    DistrictService district() { return DistrictService(*core_); }
    FundService fund() { return FundService(*core_); }
    HoldService holds() { return HoldService(*core_); }
    ImportService imports() { return ImportService(*core_); }
    LookupService lookup() { return LookupService(*core_); }
    MaintenanceService maintenance() { return MaintenanceService(*core_); }
    OfflineSnapshotService offline() { return OfflineSnapshotService(*core_); }
    ReportService reports() { return ReportService(*core_); }
    SettingsService settings() { return SettingsService(*core_); }
    StationService stations() { return StationService(*core_); }
    StocktakeService stocktake() { return StocktakeService(*core_); }
    TextbookService textbooks() { return TextbookService(*core_); }
    YearService year() { return YearService(*core_); }

private:
    explicit Library(std::unique_ptr<LibraryCore> core);

    std::unique_ptr<LibraryCore> core_;
};

}  // namespace kitap::core
