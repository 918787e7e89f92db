#pragma once

#include "core/rules.hpp"
#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/screens/librarian_screen.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace kitap::kiosk {

// What a tab of the librarian's screen shows, read on the worker after each step
// of the desk, so that the panels are filled from values and never from the library.
struct DeskView {
    std::optional<core::ReaderSummary> reader;  // the desk station's
    std::optional<std::string> class_name;      // classes: the class shown, else the list of classes
    std::optional<core::ClassSetProgress> progress;
    std::vector<core::ClassProvision> classes;
    core::Condition condition = core::Condition::good;  // returns: the next return's
    std::vector<core::HeldItem> held;                   // returns: what the reader holds
    std::optional<core::StocktakeStatus> stocktake;
    std::optional<ReportsPanel> reports;
};

// Behind the PIN: the librarian's screen, its desk station (a station of its own in
// desk, return or stocktake mode, by tab), lookups, the kiosk's settings and the
// ways out. Every step goes to the worker; its answer fills the tab it was asked for
// (a tab left meanwhile keeps what it has) and leaving comes back as an effect.
class DeskFlow {
public:
    using Steady = std::chrono::steady_clock;

    explicit DeskFlow(LibraryWorker& worker) : worker_(worker) {}

    struct Opening {
        std::string database_path;
        app::Language kiosk_language = app::Language::kk;
        std::chrono::seconds idle_timeout{30};
        std::optional<UnlockReport> unlock_report;
    };
    bool active() const { return screen_.has_value(); }
    Effects open(Opening opening);
    // The screen goes, and the desk station with it.
    void close();
    void set_lock_seconds(int seconds) { lock_seconds_ = seconds; }

    // A code scanned or typed: the desk station's on the classes, returns and
    // stocktake tabs, a lookup on the others.
    Effects code(const std::string& code, const std::string& source, devices::Clock::time_point scanned);
    Effects key(const devices::KeyStroke& key, Steady::time_point steady);
    Effects act(const LibrarianIntent& intent);
    // Left alone for its lock time, the screen goes back to the pupils.
    Effects tick(Steady::time_point steady);
    // Drawing: the screen with its lock countdown; touched() when a finger was on it.
    LibrarianScreen& screen(Steady::time_point steady);
    void touched(Steady::time_point steady) { touched_ = steady; }

private:
    // A scan, or a button's command (a condition, the next pupil) as a value, at the desk station.
    template <typename Input>
    Effects at_desk(Input input, devices::Clock::time_point scanned);
    Effects show_at_desk(const core::StationOutcome& outcome, const DeskView& view, LibrarianTab tab);
    Effects look_up(const std::string& code);
    Effects open_tab(LibrarianTab tab);
    Effects act_issuance(const IssuanceIntent& intent);
    Effects act_stocktake(const StocktakeIntent& intent);
    Effects act_settings(const LibrarianIntent& intent);
    // Runs `step` on the worker, then reads the current tab's view; `done` gets both
    // on the UI thread, unless the librarian has left that tab meanwhile.
    template <typename Step, typename Done>
    void post_step(Step step, Done done);
    std::optional<std::string> shown_class() const;
    bool showing(LibrarianTab tab) const { return screen_ && screen_->tab == tab; }

    LibraryWorker& worker_;
    std::optional<LibrarianScreen> screen_;
    Steady::time_point touched_{};
    int lock_seconds_ = core::kiosk_librarian_lock_setting.fallback;
};

}  // namespace kitap::kiosk
