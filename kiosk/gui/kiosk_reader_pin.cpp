// The kiosk's side of a reader's PIN: the keypad after a card that needs one
// (kiosk/gui/reader_pin_flow.hpp), what it sends to the station and what comes back.
#include "kiosk/gui/kiosk_app.hpp"

namespace kitap::kiosk {

bool KioskApp::reader_pin_outcome(const core::StationOutcome& outcome) {
    if (outcome.outcome == core::Outcome::pin_required) {
        if (session_) language_ = default_language_;  // another pupil: nothing of the last one stays
        session_.reset();
        welcome_.banner.reset();
        reader_pin_.open(Steady::now());
        changed();
        return true;
    }
    if (!reader_pin_.active()) return false;
    if (outcome.outcome == core::Outcome::duplicate) return true;  // the card read twice: still waiting
    reader_pin_.close();  // something else was scanned: the station forgot the card
    changed();
    return false;
}

void KioskApp::act_reader_pin(const ReaderPinEffect& effect) {
    if (effect.cancel) {
        library_.cancel_reader_pin();
        reader_pin_.close();
        changed();
        return;
    }
    if (!effect.submit) return;
    const auto now = wall_now();
    const auto handled = library_.submit_reader_pin(*effect.submit, now);
    for (const auto& outcome : handled.outcomes) {
        print_later(outcome, core::StationMode::self, devices::Clock::now());
        if (outcome.reason == core::Reason::wrong_pin) {  // the keypad stays, with no name on it
            reader_pin_.wrong(outcome);
            sounds_->play(Sound::error);
            changed();
        } else {
            apply_outcome(outcome, now);  // the session opens, or the card is locked
        }
    }
    if (handled.fault) enter_fault(*handled.fault, false);
}

void KioskApp::draw_reader_pin(const ScreenContext& context) {
    PinScreen& screen = reader_pin_.screen();
    screen.top = top_bar(false);
    const PinIntent intent = draw(screen, context);
    act(intent.top);
    act_reader_pin(reader_pin_.touch(intent, Steady::now()));
}

}  // namespace kitap::kiosk
