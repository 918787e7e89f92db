#pragma once

#include "core/calendar.hpp"
#include "core/library.hpp"
#include "core/rules.hpp"
#include "kiosk/gui/model/fault.hpp"
#include "kiosk/gui/model/lookup.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/wire/station_wire.hpp"

#include <tl/expected.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::kiosk {

// The librarian's keypad as it opens: locked for a while after too many wrong tries?
struct PinState {
    std::chrono::seconds locked_for{0};
    bool demo_hint = false;  // the demo's PIN is in force: the keypad says which
};

// What the library made of a librarian's PIN. Whoever checks it (this kiosk's database
// or the school's server) also writes the try to the audit log.
struct PinCheck {
    enum class Verdict { accepted, wrong, locked, no_pin_set };
    Verdict verdict = Verdict::wrong;
    int tries_left = 0;                         // after a wrong PIN
    std::chrono::seconds locked_for{0};         // when locked (also by this very try)
    std::optional<UnlockReport> unlock_report;  // accepted, worth telling, and known here (a local kiosk)
};

// Whether the kiosk's station is the school's server and whether it answers.
struct LinkStatus {
    enum class State { local, online, offline };
    State state = State::local;
    int journal_waiting = 0;  // offline scans not yet on the server

    bool offline() const { return state == State::offline; }
    friend bool operator==(const LinkStatus&, const LinkStatus&) = default;
};

// The kiosk's side of the library: the one station every pupil's scan goes through,
// the librarian's desk beside it and what the librarian's panels read. A kiosk with
// its own database (LocalKioskLibrary) or one whose station is the school's `kitap
// serve` (RemoteKioskLibrary). Nothing here decides what a scan means; it keeps the
// faults (a database that cannot be written, a server whose certificate changed) as
// the kiosk's Fault values the screens show, and starts again when it works.
// Everything runs on the worker thread (SerialWorker), one call at a time.
class KioskLibrary {
public:
    virtual ~KioskLibrary() = default;

    // Opens (or opens again) the library; a fresh station, so no session survives a
    // fault. nullopt when all is well.
    virtual std::optional<Fault> open() = 0;

    struct Handled {
        std::vector<core::StationOutcome> outcomes;  // an idle session closed first, then the scan's own
        std::optional<Fault> fault;                  // nothing of the scan was kept
        // The station after it (reader, held items, class set): no second query for a screen.
        std::optional<core::SessionSnapshot> session;
        bool offline = false;  // decided by the kiosk alone from its cache, kept in its journal
    };
    virtual Handled handle(const core::Scan& scan, core::Timestamp now) = 0;
    // A button's command (Done, a renewal), as a value.
    virtual Handled handle(const core::StationCommand& command, core::Timestamp now) = 0;
    // The PIN typed for the card the station waits on (core::Station::submit_pin).
    virtual Handled submit_reader_pin(std::string_view pin, core::Timestamp now) = 0;
    virtual void cancel_reader_pin() = 0;
    // Closes the session when it has been idle for the station's timeout.
    virtual Handled expire_idle(core::Timestamp now) = 0;
    virtual std::optional<core::ReaderSummary> session_reader() const = 0;
    // A new idle timeout for pupils' sessions: a fresh station (any session ends).
    virtual void set_idle_timeout(std::chrono::seconds timeout) = 0;
    // The code of a command barcode (KITAP-DONE...), as configured.
    virtual std::string command_code(core::Command command) const = 0;
    virtual LinkStatus link_status() const = 0;

    // The librarian's desk beside the pupils' station: a station of its own in desk,
    // return or stocktake mode (a fresh one, so no session carries over), closed
    // when the librarian leaves.
    virtual void open_desk(core::StationMode mode) = 0;
    virtual void close_desk() = 0;
    virtual core::StationMode desk_mode() const = 0;
    virtual Handled handle_at_desk(const core::Scan& scan, core::Timestamp now) = 0;
    virtual Handled handle_at_desk(const core::StationCommand& command, core::Timestamp now) = 0;
    virtual std::optional<core::ReaderSummary> desk_reader() const = 0;
    virtual std::optional<core::Condition> desk_condition() const = 0;  // return mode: the next return's

    virtual tl::expected<std::vector<core::HeldItem>, Fault> held_items(const std::string& card) = 0;
    virtual tl::expected<std::vector<core::ClassProvision>, Fault> class_provision(core::Date today) = 0;
    virtual tl::expected<std::optional<core::ClassSetProgress>, Fault> class_progress(const std::string& class_name,
                                                                                      core::Date today) = 0;
    virtual tl::expected<core::IssueSetOutcome, Fault> issue_class_set(const std::string& class_name,
                                                                       core::Timestamp now, bool dry_run) = 0;
    virtual tl::expected<core::ProvisionReport, Fault> provision(core::Date today) = 0;
    virtual tl::expected<std::vector<core::ClassDebtors>, Fault> debtors(core::Date today) = 0;
    virtual tl::expected<std::optional<core::StocktakeStatus>, Fault> stocktake_status() = 0;
    // A refusal (another stocktake open, none open) comes as core's Refusal, to be translated.
    virtual tl::expected<core::Checked<core::RowId>, Fault> start_stocktake(const std::string& scope,
                                                                            core::Timestamp now) = 0;
    virtual tl::expected<core::Checked<core::StocktakeReport>, Fault> finish_stocktake(core::Timestamp now) = 0;
    virtual tl::expected<LookupResult, Fault> look_up(std::string_view raw) = 0;
    virtual tl::expected<core::DemoSamples, Fault> demo_samples(core::Date today) = 0;
    // "Find a book": the catalogue's titles for `text`, at most wire::catalog_search_limit.
    virtual tl::expected<std::vector<core::CatalogEntry>, Fault> find_books(const std::string& text) = 0;
    // A reservation from "Find a book" for the card the reader scanned (self-service):
    // placed, or why not, and nothing of the other readers waiting.
    virtual tl::expected<wire::HoldPlaced, Fault> place_hold(const std::string& card, core::RowId title_id,
                                                             core::Timestamp now) = 0;

    virtual std::optional<std::string> setting(const std::string& key) = 0;
    // A number setting within core's limits; nullopt when none is stored (or the library fails).
    virtual std::optional<int> setting_number(const core::NumberSetting& setting) = 0;
    // The new value and its line in the audit log, in one transaction.
    virtual std::optional<Fault> set_setting(const std::string& key, const std::string& value, core::Timestamp now) = 0;
    // The librarian's own actions at this kiosk (leaving, closing) in the audit log.
    virtual std::optional<Fault> record(core::LibrarianActionKind action, core::Timestamp now,
                                        std::string detail = {}) = 0;

    // The librarian's keypad: whether it opens locked, then each PIN typed on it.
    virtual tl::expected<PinState, Fault> librarian_pin_state(core::Timestamp now) = 0;
    virtual tl::expected<PinCheck, Fault> check_librarian_pin(std::string pin, core::Timestamp now) = 0;
};

}  // namespace kitap::kiosk
