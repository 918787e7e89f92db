#pragma once

#include "core/audit/librarian_action.hpp"
#include "core/audit/pin_attempts.hpp"
#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/circulation/station.hpp"
#include "core/demo/demo_samples.hpp"
#include "core/rules.hpp"
#include "core/stocktake/stocktake.hpp"
#include "core/textbooks/class_issuance.hpp"
#include "core/textbooks/class_progress.hpp"
#include "core/textbooks/textbook_reports.hpp"
#include "kiosk/gui/model/fault.hpp"
#include "kiosk/gui/model/lookup.hpp"

#include <SQLiteCpp/Database.h>
#include <tl/expected.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kitap::kiosk {

// The kiosk's side of the library: the database, its store and the one
// core::Station every scan goes through. Nothing here decides what a scan means;
// it turns broken infrastructure (a database that cannot be written, a full disk)
// into Fault values the screens show, and starts again when it works.
class KioskLibrary {
public:
    KioskLibrary(std::filesystem::path path, core::Rules rules, std::string station_name);
    ~KioskLibrary();
    KioskLibrary(const KioskLibrary&) = delete;
    KioskLibrary& operator=(const KioskLibrary&) = delete;

    const std::filesystem::path& path() const { return path_; }
    const core::Rules& rules() const { return rules_; }
    bool is_open() const { return station_ != nullptr; }

    // Opens (or opens again) the database and checks that it can be written; a fresh
    // station, so no session survives a fault. nullopt when all is well.
    std::optional<Fault> open();

    struct Handled {
        std::vector<core::StationOutcome> outcomes;  // an idle session closed first, then the scan's own
        std::optional<Fault> fault;                  // nothing of the scan was kept
    };
    Handled handle(const core::Scan& scan, core::Timestamp now);
    // A button's command (Done, a renewal), as a value.
    Handled handle(const core::StationCommand& command, core::Timestamp now);
    // What the session screen shows: the reader's loans and class set.
    tl::expected<core::SessionSnapshot, Fault> session_snapshot(core::Timestamp now);
    // The PIN typed for the card the station waits on (core::Station::submit_pin).
    Handled submit_reader_pin(std::string_view pin, core::Timestamp now);
    void cancel_reader_pin();
    // Closes the session when it has been idle for the station's timeout.
    Handled expire_idle(core::Timestamp now);
    std::optional<core::ReaderSummary> session_reader() const;
    std::chrono::seconds idle_timeout() const { return rules_.station.idle_timeout; }
    // A new idle timeout for pupils' sessions: a fresh station (any session ends).
    void set_idle_timeout(std::chrono::seconds timeout);
    // The code of a command barcode (KITAP-DONE...), as configured.
    std::string command_code(core::Command command) const;

    // The librarian's desk beside the pupils' station: a station of its own in desk,
    // return or stocktake mode (a fresh one, so no session carries over), closed
    // when the librarian leaves.
    void open_desk(core::StationMode mode);
    void close_desk();
    core::StationMode desk_mode() const { return desk_mode_; }
    Handled handle_at_desk(const core::Scan& scan, core::Timestamp now);
    Handled handle_at_desk(const core::StationCommand& command, core::Timestamp now);
    std::optional<core::ReaderSummary> desk_reader() const;
    std::optional<core::Condition> desk_condition() const;  // return mode: the next return's

    tl::expected<std::vector<core::HeldItem>, Fault> held_items(const std::string& card);
    tl::expected<std::vector<core::ClassProvision>, Fault> class_provision(core::Date today);
    tl::expected<std::optional<core::ClassSetProgress>, Fault> class_progress(const std::string& class_name,
                                                                              core::Date today);
    tl::expected<core::IssueSetOutcome, Fault> issue_class_set(const std::string& class_name, core::Timestamp now,
                                                               bool dry_run);
    tl::expected<core::ProvisionReport, Fault> provision(core::Date today);
    tl::expected<std::vector<core::ClassDebtors>, Fault> debtors(core::Date today);
    tl::expected<std::optional<core::StocktakeStatus>, Fault> stocktake_status();
    // A refusal (another stocktake open, none open) comes as core's Refusal, to be translated.
    tl::expected<core::Checked<core::RowId>, Fault> start_stocktake(const std::string& scope, core::Timestamp now);
    tl::expected<core::Checked<core::StocktakeReport>, Fault> finish_stocktake(core::Timestamp now);
    tl::expected<LookupResult, Fault> look_up(std::string_view raw);
    tl::expected<core::DemoSamples, Fault> demo_samples(core::Date today);

    std::optional<std::string> setting(const std::string& key);
    // The new value and its line in the audit log, in one transaction.
    std::optional<Fault> set_setting(const std::string& key, const std::string& value, core::Timestamp now);
    // The librarian's own actions at this kiosk (PIN, leaving, closing) in the audit log.
    std::optional<Fault> record(core::LibrarianActionKind action, core::Timestamp now, std::string detail = {});
    // The librarian PIN's wrong tries since the last unlock, from the audit log.
    tl::expected<core::PinAttemptLog, Fault> pin_attempts();

private:
    template <typename Action>
    auto guarded(Action&& action) -> tl::expected<decltype(action()), Fault>;
    void close();
    static Handled from_result(tl::expected<core::StationResult, Fault> result);

    std::filesystem::path path_;
    core::Rules rules_;
    std::string station_name_;
    std::optional<SQLite::Database> db_;
    std::unique_ptr<core::LibraryStore> store_;
    std::unique_ptr<core::Station> station_;
    std::unique_ptr<core::Station> desk_;
    core::StationMode desk_mode_ = core::StationMode::desk;
};

}  // namespace kitap::kiosk
