#include "kiosk/gui/flows/librarian_pin_flow.hpp"

#include "devices/keyboard/us_keymap.hpp"

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;

constexpr auto pin_idle_time = 60s;  // an untouched keypad goes away
constexpr int key_backspace = 14;    // Linux input key code

}  // namespace

void LibrarianPinFlow::open() {
    if (screen_ || opening_) return;
    opening_ = true;
    worker_.post([now = wall_now()](KioskLibrary& library) { return library.librarian_pin_state(now); },
                 [this](tl::expected<PinState, Fault> state) { return opened(std::move(state)); });
}

Effects LibrarianPinFlow::opened(tl::expected<PinState, Fault> state) {
    if (!std::exchange(opening_, false)) return {};  // closed before it could open
    if (!state) return {.fault = state.error()};
    screen_.emplace();
    digits_.clear();
    touched_ = Steady::now();
    screen_->demo_hint = state->demo_hint;
    if (state->locked_for.count() > 0) show_locked(state->locked_for);
    return {.changed = true};
}

void LibrarianPinFlow::show_locked(std::chrono::seconds locked_for) {
    locked_until_ = wall_now() + locked_for;
    screen_->message = PinScreen::Message::locked;
    screen_->locked_seconds = static_cast<int>(locked_for.count());
}

void LibrarianPinFlow::close() {
    opening_ = false;
    screen_.reset();
    digits_.clear();
}

Effects LibrarianPinFlow::key(const devices::KeyStroke& key, Steady::time_point steady) {
    if (!screen_) return {};
    touched_ = steady;
    const auto character = devices::us_character(key.key_code, key.shift);
    if (key.key_code == key_backspace && !digits_.empty()) digits_.pop_back();
    if (character && *character >= '0' && *character <= '9' && digits_.size() < max_pin_length) digits_ += *character;
    screen_->digits_entered = digits_.size();
    if (devices::is_line_terminator(key.key_code) && digits_.size() >= min_pin_length) return submit();
    return {};
}

Effects LibrarianPinFlow::touch(const PinIntent& intent, Steady::time_point steady) {
    if (!screen_) return {};
    if (intent.digit || intent.erase || intent.submit) touched_ = steady;
    if (intent.digit && digits_.size() < max_pin_length) digits_ += *intent.digit;
    if (intent.erase && !digits_.empty()) digits_.pop_back();
    screen_->digits_entered = digits_.size();
    if (intent.submit) return submit();
    if (intent.cancel) {
        close();
        return {.changed = true};
    }
    return {};
}

Effects LibrarianPinFlow::submit() {
    if (checking_) return {};
    checking_ = true;
    worker_.post([pin = std::exchange(digits_, {}),
                  now = wall_now()](KioskLibrary& library) { return library.check_librarian_pin(pin, now); },
                 [this](tl::expected<PinCheck, Fault> check) { return checked(std::move(check)); });
    screen_->digits_entered = 0;
    return {.changed = true};
}

Effects LibrarianPinFlow::checked(tl::expected<PinCheck, Fault> check) {
    checking_ = false;
    if (!check) return {.fault = check.error()};
    if (!screen_) return {};  // a pupil's scan closed the keypad meanwhile
    Effects effects{.changed = true};
    switch (check->verdict) {
        case PinCheck::Verdict::accepted:
            effects.open_librarian = true;
            effects.unlock_report = std::move(check->unlock_report);
            break;
        case PinCheck::Verdict::wrong:
            screen_->message = PinScreen::Message::wrong;
            screen_->tries_left = check->tries_left;
            effects.sounds.push_back(Sound::error);
            break;
        case PinCheck::Verdict::locked:
            show_locked(check->locked_for);
            effects.sounds.push_back(Sound::error);
            break;
        case PinCheck::Verdict::no_pin_set:
            screen_->message = PinScreen::Message::no_pin_set;
            break;
    }
    return effects;
}

Effects LibrarianPinFlow::tick(Steady::time_point steady) {
    if (!screen_ || steady - touched_ < pin_idle_time) return {};
    close();
    return {.changed = true};
}

PinScreen& LibrarianPinFlow::screen(core::Timestamp now) {
    if (screen_->message == PinScreen::Message::locked) {
        const auto locked = std::max(locked_until_ - now, std::chrono::seconds(0));
        screen_->locked_seconds = static_cast<int>(locked.count());
        if (locked.count() == 0) screen_->message = PinScreen::Message::none;
    }
    return *screen_;
}

}  // namespace kitap::kiosk
