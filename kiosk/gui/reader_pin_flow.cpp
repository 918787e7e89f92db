#include "kiosk/gui/reader_pin_flow.hpp"

#include "core/security/reader_pins.hpp"
#include "devices/keyboard/us_keymap.hpp"

namespace kitap::kiosk {
namespace {

constexpr int key_backspace = 14;  // Linux input key code

}  // namespace

void ReaderPinFlow::open(Steady::time_point now) {
    screen_.emplace();
    screen_->for_reader = true;
    screen_->min_digits = core::min_reader_pin_length;
    digits_.clear();
    touched_ = now;
}

void ReaderPinFlow::close() {
    screen_.reset();
    digits_.clear();
}

ReaderPinEffect ReaderPinFlow::key(const devices::KeyStroke& key, Steady::time_point now) {
    if (!active()) return {};
    touched_ = now;
    if (key.key_code == key_backspace) erase();
    if (const auto character = devices::us_character(key.key_code, key.shift);
        character && *character >= '0' && *character <= '9')
        type(*character);
    if (devices::is_line_terminator(key.key_code)) return submit();
    return {};
}

ReaderPinEffect ReaderPinFlow::touch(const PinIntent& intent, Steady::time_point now) {
    if (!active()) return {};
    if (intent.digit || intent.erase || intent.submit) touched_ = now;
    if (intent.digit) type(*intent.digit);
    if (intent.erase) erase();
    if (intent.cancel) return {.cancel = true};
    if (intent.submit) return submit();
    return {};
}

void ReaderPinFlow::wrong(const core::StationOutcome& outcome) {
    if (active()) screen_->reader_refusal = outcome;
}

ReaderPinEffect ReaderPinFlow::tick(Steady::time_point now, std::chrono::seconds idle) const {
    return {.cancel = active() && now - touched_ >= idle};
}

void ReaderPinFlow::type(char digit) {
    if (digits_.size() < core::max_reader_pin_length) digits_ += digit;
    screen_->digits_entered = digits_.size();
}

void ReaderPinFlow::erase() {
    if (!digits_.empty()) digits_.pop_back();
    screen_->digits_entered = digits_.size();
}

ReaderPinEffect ReaderPinFlow::submit() {
    if (digits_.size() < core::min_reader_pin_length) return {};
    ReaderPinEffect effect{.submit = std::exchange(digits_, {})};
    screen_->digits_entered = 0;
    return effect;
}

}  // namespace kitap::kiosk
