#pragma once

#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/screens/fault_screen.hpp"

#include <chrono>
#include <optional>

namespace kitap::kiosk {

// What stops the kiosk serving pupils: a database that cannot be opened or written
// (tried again every few seconds until it works) or every scanner gone. Owns the
// fault screen and knows whether the library is open at all.
class FaultFlow {
public:
    using Steady = std::chrono::steady_clock;

    FaultFlow(LibraryWorker& worker, bool demo) : worker_(worker), demo_(demo) {}

    // Opens the library at start: `opened`, or the fault.
    void start();
    bool active() const { return screen_.has_value(); }
    bool database_fault() const { return screen_ && screen_->fault.is_database(); }
    bool scanner_fault() const { return screen_ && screen_->fault.kind == FaultKind::no_scanner; }
    // A scan that cannot even be tried: the library is not open.
    bool library_closed() const { return database_fault() && !library_open_; }

    // Shows `fault`; a scan lost before stays lost. What the screen now says, for --print-outcomes.
    const FaultScreen& enter(const Fault& fault, bool scan_lost);
    Effects scan_lost();
    // The database took a write, or the scanners came back: the screen goes.
    void clear() { screen_.reset(); }
    // A database fault tries to open the library again when its time comes.
    Effects tick(Steady::time_point steady);
    FaultScreen& screen(Steady::time_point steady);

private:
    Effects reopened(tl::expected<StoredSettings, Fault> opened);

    LibraryWorker& worker_;
    bool demo_;
    std::optional<FaultScreen> screen_;
    Steady::time_point retry_at_{};
    bool retrying_ = false;
    bool library_open_ = false;
};

}  // namespace kitap::kiosk
