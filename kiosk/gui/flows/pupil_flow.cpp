#include "kiosk/gui/flows/pupil_flow.hpp"

#include "kiosk/gui/screens/outcome_banner.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;

constexpr auto welcome_banner_time = 8s;  // a scan's banner with no session open

// Runs on the worker: the station's step, then the session as it stands after it.
PupilTurn take_turn(KioskLibrary& library, KioskLibrary::Handled handled) {
    PupilTurn turn{.handled = std::move(handled), .reader = library.session_reader()};
    if (!turn.reader) return turn;
    auto held = library.held_items(turn.reader->card);
    if (!held) {
        turn.snapshot_fault = held.error();
        return turn;
    }
    turn.held = std::move(*held);
    auto class_set = library.class_set(turn.reader->card);
    if (!class_set)
        turn.snapshot_fault = class_set.error();
    else
        turn.class_set = std::move(*class_set);
    return turn;
}

}  // namespace

void PupilFlow::post_turn(std::function<KioskLibrary::Handled(KioskLibrary&)> step,
                          std::function<Effects(PupilTurn)> done) {
    worker_.post([step = std::move(step)](KioskLibrary& library) { return take_turn(library, step(library)); },
                 std::move(done));
}

void PupilFlow::scan(const devices::ScanEvent& event) {
    const core::Scan scan{
        .text = event.text, .symbology = std::string(devices::to_string(event.symbology)), .source = event.source};
    const auto now = wall_now();
    post_turn([scan, now](KioskLibrary& library) { return library.handle(scan, now); },
              [this, scanned = event.time, now](const PupilTurn& turn) { return turn_done(turn, scanned, now); });
}

Effects PupilFlow::turn_done(const PupilTurn& turn, devices::Clock::time_point scanned, core::Timestamp now) {
    Effects effects;
    for (const auto& outcome : turn.handled.outcomes) {
        effects += apply(outcome, turn, now);
        effects.shown.push_back({outcome, core::StationMode::self, scanned});
    }
    if (turn.handled.fault) {
        effects.sounds.push_back(Sound::error);
        effects += {.fault = turn.handled.fault, .scan_lost = true};
    }
    return effects;
}

Effects PupilFlow::apply(const core::StationOutcome& outcome, const PupilTurn& turn, core::Timestamp now) {
    Effects effects;
    if (reader_pin_outcome(outcome, effects)) return effects;
    // The librarian's command card asks for the PIN instead of being refused.
    if (outcome.outcome == core::Outcome::refused && outcome.reason == core::Reason::librarian_only &&
        outcome.command == core::Command::mode_desk)
        return {.open_pin = true};
    if (is_success(outcome)) effects.sounds.push_back(Sound::success);
    if (is_refusal(outcome) || (outcome.outcome == core::Outcome::session && !outcome.overdue.empty()))
        effects.sounds.push_back(Sound::error);
    effects.database_works = true;
    if (turn.reader) {
        if (!session_ || session_->reader.card != turn.reader->card) {
            session_.emplace();  // a new reader: nothing of the previous one is kept
            session_->reader = *turn.reader;
        }
        session_->banner = outcome;
        if (turn.snapshot_fault) return effects += {.fault = turn.snapshot_fault};
        session_->held = turn.held;
        session_->class_set = turn.class_set;
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
    post_turn([pin = *effect.submit, now](KioskLibrary& library) { return library.submit_reader_pin(pin, now); },
              [this, now](const PupilTurn& turn) { return reader_pin_done(turn, now); });
    return {};
}

Effects PupilFlow::reader_pin_done(const PupilTurn& turn, core::Timestamp now) {
    Effects effects;
    for (const auto& outcome : turn.handled.outcomes) {
        effects.shown.push_back({outcome, core::StationMode::self, devices::Clock::now()});
        if (outcome.reason == core::Reason::wrong_pin) {  // the keypad stays, with no name on it
            reader_pin_.wrong(outcome);
            effects.sounds.push_back(Sound::error);
            effects.changed = true;
        } else {
            effects += apply(outcome, turn, now);  // the session opens, or the card is locked
        }
    }
    return effects += {.fault = turn.handled.fault};
}

Effects PupilFlow::tick(Steady::time_point steady) {
    Effects effects;
    const auto now = wall_now();
    if (session_ && !expiry_asked_ && now - last_activity_ >= idle_) {
        expiry_asked_ = true;
        post_turn([now](KioskLibrary& library) { return library.expire_idle(now); },
                  [this, now](const PupilTurn& turn) {
                      expiry_asked_ = false;
                      Effects expired;
                      for (const auto& outcome : turn.handled.outcomes) expired += apply(outcome, turn, now);
                      return expired += {.fault = turn.handled.fault};
                  });
    }
    if (welcome_.banner && banner_until_ && steady >= *banner_until_) {
        welcome_.banner.reset();
        banner_until_.reset();
        effects.redraw = true;
    }
    return effects += act_reader_pin(reader_pin_.tick(steady, idle_));
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
            [done = command_code(core::Command::done), now = wall_now()](KioskLibrary& library) {
                if (!library.session_reader()) return std::optional<Fault>();
                return library.handle({.text = done, .source = "kiosk"}, now).fault;
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
