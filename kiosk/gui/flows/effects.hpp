#pragma once

#include "core/circulation/station.hpp"
#include "devices/scan_event.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/gui/model/fault.hpp"
#include "kiosk/gui/model/kiosk_library.hpp"
#include "kiosk/gui/model/library_worker.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/gui/platform/audio.hpp"
#include "kiosk/gui/screens/demo_strip.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kitap::kiosk {

// An outcome the kiosk put on screen, for --print-outcomes.
struct ShownOutcome {
    core::StationOutcome outcome;
    core::StationMode mode;
    devices::Clock::time_point scanned;
    bool offline = false;  // decided by the kiosk alone while its server was away
};

// What "Find a book" showed for a query, for --print-outcomes.
struct FoundBooks {
    std::string query;
    std::vector<core::CatalogEntry> titles;
    bool unavailable = false;
};

// A reservation "Find a book" asked for, and what the library answered, for --print-outcomes.
struct ReservedBook {
    core::RowId title_id = 0;
    std::string title;
    std::optional<wire::HoldPlaced> placed;  // none: the library could not be asked (or not yet)
    bool awaiting_card = false;              // "Reserve" was touched: the card is asked for
};

// What the library holds for the kiosk itself, read when it opens.
struct StoredSettings {
    std::optional<app::Language> language;  // the librarian's choice
    std::optional<std::chrono::seconds> idle_timeout;
    std::optional<int> lock_seconds;
    std::optional<std::vector<DemoCard>> demo_cards;  // --demo only
    LinkStatus link;                                  // whether the server answered
};

// What a flow asks of the others, returned instead of done: the app applies it
// after the flow's call has returned, so no flow resets another's state while it
// is still working on it.
struct Effects {
    std::optional<Fault> fault;
    bool scan_lost = false;       // with `fault`: a scan arrived and was not recorded
    bool database_works = false;  // a scan went through: a database fault is over
    std::vector<Sound> sounds;
    bool changed = false;  // what the screen shows changed: redraw, and a screenshot
    bool redraw = false;   // only redraw (a countdown, the language)
    bool open_pin = false;
    bool open_librarian = false;
    std::optional<UnlockReport> unlock_report;  // with open_librarian: tries since the last unlock
    bool leave_librarian = false;
    bool close_kiosk = false;
    bool restore_language = false;  // a pupil left: the next starts in the kiosk's language
    std::optional<app::Language> kiosk_language;
    std::optional<std::chrono::seconds> idle_timeout;
    std::optional<StoredSettings> opened;  // the library (re)opened
    bool recovered = false;                // with `opened`: after a database fault
    std::vector<ShownOutcome> shown;
    std::optional<FoundBooks> found;
    std::optional<ReservedBook> reserved;

    Effects& operator+=(Effects other);
};

using LibraryWorker = SerialWorker<KioskLibrary, Effects>;

// The wall clock, to the second, as the station keeps it.
core::Timestamp wall_now();

// A line in the audit log; a database that cannot take it is a fault like any other
// (the librarian's screens need the database anyway). `after` once it is written.
void post_audit(LibraryWorker& worker, core::LibrarianActionKind action, std::string detail = {}, Effects after = {});
// A fault from the worker, or nothing: for requests whose only answer is whether they worked.
Effects fault_effects(std::optional<Fault> fault);

}  // namespace kitap::kiosk
