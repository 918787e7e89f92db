#include "kiosk/gui/flows/pupil_flow.hpp"

#include "kiosk/gui/screens/outcome_banner.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;

constexpr auto welcome_banner_time = 8s;  // a scan's banner with no session open
// A kiosk with a server asks it this often, also with nobody at the kiosk: an idle session
// on the server ends on time, and a kiosk offline sees its server back (and uploads its
// journal) without waiting for the next pupil.
constexpr auto link_check_time = 5s;

}  // namespace

template <typename Done>
void PupilFlow::post_linked(Step step, Done done) {
    worker_.post(
        [step = std::move(step)](KioskLibrary& library) {
            Handled handled = step(library);
            return Stepped{std::move(handled), library.link_status()};
        },
        [this, done = std::move(done)](const Stepped& stepped) {
            Effects effects = note_link(stepped.link);
            return effects += done(stepped.handled);
        });
}

void PupilFlow::post_step(Step step, devices::Clock::time_point scanned, core::Timestamp now) {
    post_linked(std::move(step),
                [this, scanned, now](const Handled& handled) { return step_done(handled, scanned, now); });
}

Effects PupilFlow::note_link(const LinkStatus& link) {
    if (link == welcome_.link) return {};
    welcome_.link = link;
    return {.changed = true};
}

std::optional<PupilFlow::Steady::time_point> PupilFlow::link_check_at() const {
    if (welcome_.link.state == LinkStatus::State::local) return std::nullopt;
    return link_checked_ + link_check_time;
}

void PupilFlow::scan(const devices::ScanEvent& event) {
    const core::Scan scan{
        .text = event.text, .symbology = std::string(devices::to_string(event.symbology)), .source = event.source};
    const auto now = wall_now();
    post_step([scan, now](KioskLibrary& library) { return library.handle(scan, now); }, event.time, now);
}

void PupilFlow::command(const core::StationCommand& command) {
    const auto now = wall_now();
    post_step([command, now](KioskLibrary& library) { return library.handle(command, now); }, devices::Clock::now(),
              now);
}

Effects PupilFlow::step_done(const Handled& handled, devices::Clock::time_point scanned, core::Timestamp now) {
    Effects effects;
    for (const auto& outcome : handled.outcomes) {
        effects += apply(outcome, handled, now);
        effects.shown.push_back({outcome, core::StationMode::self, scanned, handled.offline});
    }
    if (handled.fault) {
        effects.sounds.push_back(Sound::error);
        effects += {.fault = handled.fault, .scan_lost = true};
    }
    return effects;
}

// `handled.session` is the station after the whole step: an idle session's end
// that came first is shown with the reader the step's own outcome left.
Effects PupilFlow::apply(const core::StationOutcome& outcome, const Handled& handled, core::Timestamp now) {
    Effects effects;
    if (reader_pin_outcome(outcome, effects)) return effects;
    if (outcome.asks_for_librarian) return {.open_pin = true};
    if (const auto sound = feedback_for(core::severity(outcome)).sound) effects.sounds.push_back(*sound);
    effects.database_works = true;
    const auto* reader = handled.session && handled.session->reader ? &*handled.session->reader : nullptr;
    if (reader) {
        if (!session_ || session_->reader.card != reader->card) {
            session_.emplace();  // a new reader: nothing of the previous one is kept
            session_->reader = *reader;
        }
        session_->banner = outcome;
        session_->held = handled.session->held;
        session_->class_set = handled.session->class_set;
        last_activity_ = now;
        welcome_.banner.reset();
    } else {
        effects += close_session();
        welcome_.banner = outcome;
        banner_until_ = Steady::now() + welcome_banner_time;
    }
    effects.changed = true;
    return effects;
}

Effects PupilFlow::close_session() {
    // The next pupil starts in the kiosk's language.
    Effects effects{.restore_language = session_.has_value()};
    session_.reset();
    return effects;
}

bool PupilFlow::reader_pin_outcome(const core::StationOutcome& outcome, Effects& effects) {
    if (outcome.outcome == core::Outcome::pin_required) {
        effects += close_session();  // another pupil: nothing of the last one stays
        welcome_.banner.reset();
        reader_pin_.open(Steady::now());
        effects.changed = true;
        return true;
    }
    if (!reader_pin_.active()) return false;
    if (outcome.outcome == core::Outcome::duplicate) return true;  // the card read twice: still waiting
    reader_pin_.close();  // something else was scanned: the station forgot the card
    effects.changed = true;
    return false;
}

Effects PupilFlow::act_reader_pin(const ReaderPinEffect& effect) {
    if (effect.cancel) {
        worker_.post(
            [](KioskLibrary& library) {
                library.cancel_reader_pin();
                return true;
            },
            [](bool) { return Effects{}; });
        reader_pin_.close();
        return {.changed = true};
    }
    if (!effect.submit) return {};
    const auto now = wall_now();
    post_linked([pin = *effect.submit, now](KioskLibrary& library) { return library.submit_reader_pin(pin, now); },
                [this, now](const Handled& handled) { return reader_pin_done(handled, now); });
    return {};
}

Effects PupilFlow::reader_pin_done(const Handled& handled, core::Timestamp now) {
    Effects effects;
    for (const auto& outcome : handled.outcomes) {
        effects.shown.push_back({outcome, core::StationMode::self, devices::Clock::now()});
        if (outcome.reason == core::Reason::wrong_pin) {  // the keypad stays, with no name on it
            reader_pin_.wrong(outcome);
            effects.sounds.push_back(Sound::error);
            effects.changed = true;
        } else {
            effects += apply(outcome, handled, now);  // the session opens, or the card is locked
        }
    }
    return effects += {.fault = handled.fault};
}

Effects PupilFlow::tick(Steady::time_point steady) {
    Effects effects;
    const auto now = wall_now();
    // A scan still waiting on the library (another program's lock) is the pupil's
    // activity: its answer comes first, and a fault it brings ends the session.
    const auto link_check = link_check_at();
    if (!expiry_asked_ && !worker_.busy() &&
        ((session_ && now - last_activity_ >= idle_) || (link_check && steady >= *link_check)))
        post_expiry(now, steady);
    if (welcome_.banner && banner_until_ && steady >= *banner_until_) {
        welcome_.banner.reset();
        banner_until_.reset();
        effects.redraw = true;
    }
    return effects += act_reader_pin(reader_pin_.tick(steady, idle_));
}

void PupilFlow::post_expiry(core::Timestamp now, Steady::time_point steady) {
    expiry_asked_ = true;
    link_checked_ = steady;
    post_linked([now](KioskLibrary& library) { return library.expire_idle(now); },
                [this, now](const Handled& handled) {
                    expiry_asked_ = false;
                    // No session (ended meanwhile by a fault or the librarian, or none: a link check).
                    if (!session_) return Effects{.fault = handled.fault};
                    Effects expired;
                    for (const auto& outcome : handled.outcomes) expired += apply(outcome, handled, now);
                    return expired += {.fault = handled.fault};
                });
}

Effects PupilFlow::key(const devices::KeyStroke& key, Steady::time_point steady) {
    return act_reader_pin(reader_pin_.key(key, steady));
}

Effects PupilFlow::touch_reader_pin(const PinIntent& intent, Steady::time_point steady) {
    return act_reader_pin(reader_pin_.touch(intent, steady));
}

Effects PupilFlow::end(bool end_station_session) {
    Effects effects = act_reader_pin({.cancel = true});
    if (end_station_session) {
        worker_.post(
            [now = wall_now()](KioskLibrary& library) {
                if (!library.session_reader()) return std::optional<Fault>();
                return library.handle(core::StationCommand(core::Command::done), now).fault;
            },
            fault_effects);
    }
    session_.reset();
    return effects;
}

Effects PupilFlow::leave_for_librarian() {
    welcome_.banner.reset();
    return end(true);
}

int PupilFlow::seconds_left(core::Timestamp now) const {
    const auto left = idle_ - (now - last_activity_);
    return static_cast<int>(std::clamp<long long>(left.count(), 0, idle_.count()));
}

}  // namespace kitap::kiosk
