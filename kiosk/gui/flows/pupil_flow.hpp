#pragma once

#include "core/rules.hpp"
#include "kiosk/gui/flows/effects.hpp"
#include "kiosk/gui/reader_pin_flow.hpp"
#include "kiosk/gui/screens/session_screen.hpp"
#include "kiosk/gui/screens/welcome_screen.hpp"

#include <chrono>
#include <optional>

namespace kitap::kiosk {

// The pupils' side of the kiosk: the welcome screen with a scan's banner, the
// session screen, a reader's PIN keypad and the idle timeout. Scans and the
// session screen's buttons go to the worker; what comes back (the outcomes and the
// station's session snapshot) updates these screens and says, as effects, what the
// others must do (a fault, the librarian's keypad, a sound).
class PupilFlow {
public:
    using Steady = std::chrono::steady_clock;

    PupilFlow(LibraryWorker& worker, const core::Rules& rules) : worker_(worker), idle_(rules.station.idle_timeout) {}

    void scan(const devices::ScanEvent& event);
    // A button of the session screen (Done, Renew), as a value, in order with the scans.
    void command(const core::StationCommand& command);
    Effects tick(Steady::time_point steady);
    // A key typed on a keyboard: the reader's keypad takes digits.
    Effects key(const devices::KeyStroke& key, Steady::time_point steady);
    Effects touch_reader_pin(const PinIntent& intent, Steady::time_point steady);
    // The pupil's session ends with the screen that showed it (a fault, the librarian):
    // the station's own session too, unless the library is gone anyway.
    Effects end(bool end_station_session);
    // The librarian takes over: no session, no banner left behind.
    Effects leave_for_librarian();
    void set_idle_timeout(std::chrono::seconds timeout) { idle_ = timeout; }
    // Whether the kiosk's server answers, as the library last said (after opening, then every step).
    void set_link(const LinkStatus& link) { welcome_.link = link; }
    // When a kiosk with a server asks it next whether it answers (nothing for a local kiosk).
    std::optional<Steady::time_point> link_check_at() const;
    std::chrono::seconds idle_timeout() const { return idle_; }

    bool in_session() const { return session_.has_value(); }
    bool reader_pin_active() const { return reader_pin_.active(); }
    WelcomeScreen& welcome() { return welcome_; }
    SessionScreen& session() { return *session_; }
    PinScreen& reader_pin() { return reader_pin_.screen(); }
    // Seconds until the idle timeout ends the session.
    int seconds_left(core::Timestamp now) const;
    // When the welcome screen's banner goes (nothing when none is up).
    std::optional<Steady::time_point> banner_until() const { return welcome_.banner ? banner_until_ : std::nullopt; }

private:
    using Handled = KioskLibrary::Handled;
    // A step's answer with the server's state after it.
    struct Stepped {
        Handled handled;
        LinkStatus link;
    };
    using Step = std::function<Handled(KioskLibrary&)>;
    template <typename Done>
    void post_linked(Step step, Done done);
    // Runs `step` on the worker; its outcomes are shown as scanned at `scanned`.
    void post_step(Step step, devices::Clock::time_point scanned, core::Timestamp now);
    Effects step_done(const Handled& handled, devices::Clock::time_point scanned, core::Timestamp now);
    // Asks the library to end an idle session (the pupil's, or the server's): also how a
    // kiosk whose server is away notices it is back.
    void post_expiry(core::Timestamp now, Steady::time_point steady);
    Effects note_link(const LinkStatus& link);
    Effects reader_pin_done(const Handled& handled, core::Timestamp now);
    Effects apply(const core::StationOutcome& outcome, const Handled& handled, core::Timestamp now);
    // True when the outcome was the reader's keypad's to handle.
    bool reader_pin_outcome(const core::StationOutcome& outcome, Effects& effects);
    Effects act_reader_pin(const ReaderPinEffect& effect);
    Effects close_session();

    LibraryWorker& worker_;
    std::chrono::seconds idle_;
    WelcomeScreen welcome_;
    std::optional<Steady::time_point> banner_until_;
    std::optional<SessionScreen> session_;
    core::Timestamp last_activity_{};
    ReaderPinFlow reader_pin_;
    bool expiry_asked_ = false;
    Steady::time_point link_checked_{};
};

}  // namespace kitap::kiosk
