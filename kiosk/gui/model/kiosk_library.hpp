#pragma once

#include "core/calendar.hpp"
#include "core/library.hpp"
#include "core/rules.hpp"
#include "kiosk/gui/model/fault.hpp"
#include "kiosk/gui/model/lookup.hpp"

#include <tl/expected.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace kitap::kiosk {

// The kiosk's side of the library: its core::Library and the one station every
// pupil's scan goes through. Nothing here decides what a scan means; it keeps the
// faults core reports (a database that cannot be written, a full disk) as the
// kiosk's Fault values the screens show, and starts again when it works.
class KioskLibrary {
public:
    KioskLibrary(std::filesystem::path path, core::Rules rules, std::string station_name);
    ~KioskLibrary();
    KioskLibrary(const KioskLibrary&) = delete;
    KioskLibrary& operator=(const KioskLibrary&) = delete;

    const std::filesystem::path& path() const { return path_; }
    const core::Rules& rules() const { return rules_; }
    bool is_open() const { return station_.has_value(); }

    // Opens (or opens again) the database and checks that it can be written; a fresh
    // station, so no session survives a fault. nullopt when all is well.
    std::optional<Fault> open();

    struct Handled {
        std::vector<core::StationOutcome> outcomes;  // an idle session closed first, then the scan's own
        std::optional<Fault> fault;                  // nothing of the scan was kept
        // The station after it (reader, held items, class set): no second query for a screen.
        std::optional<core::SessionSnapshot> session;
    };
    Handled handle(const core::Scan& scan, core::Timestamp now);
    // A button's command (Done, a renewal), as a value.
    Handled handle(const core::StationCommand& command, core::Timestamp now);
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
    // A number setting within core's limits; nullopt when none is stored (or the library fails).
    std::optional<int> setting_number(const core::NumberSetting& setting);
    // The new value and its line in the audit log, in one transaction.
    std::optional<Fault> set_setting(const std::string& key, const std::string& value, core::Timestamp now);
    // The librarian's own actions at this kiosk (PIN, leaving, closing) in the audit log.
    std::optional<Fault> record(core::LibrarianActionKind action, core::Timestamp now, std::string detail = {});
    // The librarian PIN's wrong tries since the last unlock, from the audit log.
    tl::expected<core::PinAttemptLog, Fault> pin_attempts();

private:
    // The library's answer, or the fault that stopped it (also when the library is closed).
    template <typename Call>
    auto served(Call&& call) -> tl::expected<typename std::invoke_result_t<Call, core::Library&>::value_type, Fault>;
    void close();
    void open_pupil_station();
    // A station's answer as Handled: its outcomes, or the fault that stopped it
    // (also when the station is closed).
    template <typename Call>
    Handled on_station(std::optional<core::StationHandle>& station, Call&& call);

    std::filesystem::path path_;
    core::Rules rules_;
    std::string station_name_;
    std::optional<core::Library> library_;
    std::optional<core::StationHandle> station_;
    std::optional<core::StationHandle> desk_;
    core::StationMode desk_mode_ = core::StationMode::desk;
};

}  // namespace kitap::kiosk
