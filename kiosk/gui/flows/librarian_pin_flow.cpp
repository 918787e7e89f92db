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
    worker_.post(
        [](KioskLibrary& library) {
            return Stored{library.pin_attempts(), library.setting(std::string(librarian_pin_setting))};
        },
        [this](Stored stored) { return opened(std::move(stored)); });
}

Effects LibrarianPinFlow::opened(Stored stored) {
    if (!std::exchange(opening_, false)) return {};  // closed before it could open
    if (!stored.attempts) return {.fault = stored.attempts.error()};
    guard_.restore(std::move(*stored.attempts));
    screen_.emplace();
    digits_.clear();
    touched_ = Steady::now();
    hash_ = stored.hash && !stored.hash->empty() ? stored.hash : demo_pin_hash_;
    screen_->demo_hint = !stored.hash && demo_pin_hash_;
    if (const auto locked = guard_.locked_for(wall_now()); locked.count() > 0) {
        screen_->message = PinScreen::Message::locked;
        screen_->locked_seconds = static_cast<int>(locked.count());
    }
    return {.changed = true};
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
    const auto result = guard_.attempt(digits_, hash_, wall_now());
    digits_.clear();
    screen_->digits_entered = 0;
    Effects effects{.changed = true};
    switch (result.verdict) {
        case PinGuard::Verdict::accepted:
            post_audit(worker_, core::LibrarianActionKind::pin_accepted);
            effects.open_librarian = true;
            if (result.report.worth_telling()) effects.unlock_report = result.report;
            break;
        case PinGuard::Verdict::wrong:
            screen_->message = PinScreen::Message::wrong;
            screen_->tries_left = result.tries_left;
            effects.sounds.push_back(Sound::error);
            post_audit(worker_, core::LibrarianActionKind::pin_wrong);
            break;
        case PinGuard::Verdict::locked_out:
        case PinGuard::Verdict::locked:
            screen_->message = PinScreen::Message::locked;
            screen_->locked_seconds = static_cast<int>(result.locked_for.count());
            effects.sounds.push_back(Sound::error);
            // The try that locks the keypad is recorded; tries while it is locked are not tried.
            if (result.verdict == PinGuard::Verdict::locked_out)
                post_audit(worker_, core::LibrarianActionKind::pin_locked_out);
            break;
        case PinGuard::Verdict::no_pin_set:
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
        const auto locked = guard_.locked_for(now);
        screen_->locked_seconds = static_cast<int>(locked.count());
        if (locked.count() == 0) screen_->message = PinScreen::Message::none;
    }
    return *screen_;
}

}  // namespace kitap::kiosk
