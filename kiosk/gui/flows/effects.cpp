#include "kiosk/gui/flows/effects.hpp"

#include <algorithm>
#include <iterator>

namespace kitap::kiosk {

Effects& Effects::operator+=(Effects other) {
    if (other.fault && !fault) {  // the first fault is the one the screen explains
        fault = std::move(other.fault);
        scan_lost = other.scan_lost;
    }
    database_works = database_works || other.database_works;
    std::ranges::move(other.sounds, std::back_inserter(sounds));
    changed = changed || other.changed;
    redraw = redraw || other.redraw;
    open_pin = open_pin || other.open_pin;
    open_librarian = open_librarian || other.open_librarian;
    if (other.unlock_report) unlock_report = std::move(other.unlock_report);
    leave_librarian = leave_librarian || other.leave_librarian;
    close_kiosk = close_kiosk || other.close_kiosk;
    restore_language = restore_language || other.restore_language;
    if (other.kiosk_language) kiosk_language = other.kiosk_language;
    if (other.idle_timeout) idle_timeout = other.idle_timeout;
    if (other.found) found = std::move(other.found);
    if (other.reserved) reserved = std::move(other.reserved);
    if (other.opened) opened = std::move(other.opened);
    recovered = recovered || other.recovered;
    std::ranges::move(other.shown, std::back_inserter(shown));
    return *this;
}

core::Timestamp wall_now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Effects fault_effects(std::optional<Fault> fault) { return {.fault = std::move(fault)}; }

void post_audit(LibraryWorker& worker, core::LibrarianActionKind action, std::string detail, Effects after) {
    worker.post([action, detail = std::move(detail),
                 now = wall_now()](KioskLibrary& library) { return library.record(action, now, detail); },
                [after = std::move(after)](std::optional<Fault> fault) mutable {
                    after += fault_effects(std::move(fault));
                    return std::move(after);
                });
}

}  // namespace kitap::kiosk
