#include "devices/keyboard/evdev_decoder.hpp"

#include "devices/aim_identifier.hpp"
#include "devices/keyboard/us_keymap.hpp"

#include <algorithm>
#include <utility>

namespace kitap::devices {
namespace {

constexpr int key_released = 0;
constexpr int key_pressed = 1;  // 2 is autorepeat, which a scanner never means

}  // namespace

EvdevDecoder::EvdevDecoder(std::string source, std::size_t max_length)
    : source_(std::move(source)), max_length_(max_length) {}

std::optional<ScanEvent> EvdevDecoder::feed(const input_event& event, Clock::time_point now) {
    if (event.type != EV_KEY) return std::nullopt;  // EV_SYN, EV_MSC scan codes, LEDs
    if (event.value == key_released) {
        release(event.code);
        return std::nullopt;
    }
    if (event.value != key_pressed) return std::nullopt;
    if (is_line_terminator(event.code)) {
        if (other_modifiers_held_ > 0) line_spoiled_ = true;  // Ctrl+Enter is a person, not a scanner
        return end_line(now);
    }
    press(event.code);
    return std::nullopt;
}

void EvdevDecoder::reset() {
    left_shift_ = right_shift_ = false;
    other_modifiers_held_ = 0;
    line_.clear();
    line_spoiled_ = false;
}

void EvdevDecoder::press(int key_code) {
    if (key_code == KEY_LEFTSHIFT) left_shift_ = true;
    if (key_code == KEY_RIGHTSHIFT) right_shift_ = true;
    if (is_modifier_key(key_code)) {
        if (!is_shift_key(key_code) && key_code != KEY_CAPSLOCK) ++other_modifiers_held_;
        return;
    }
    const auto character = other_modifiers_held_ ? std::nullopt : us_character(key_code, left_shift_ || right_shift_);
    if (!character || line_.size() == max_length_)
        line_spoiled_ = true;
    else
        line_ += *character;
}

void EvdevDecoder::release(int key_code) {
    if (key_code == KEY_LEFTSHIFT) left_shift_ = false;
    if (key_code == KEY_RIGHTSHIFT) right_shift_ = false;
    if (is_modifier_key(key_code) && !is_shift_key(key_code) && key_code != KEY_CAPSLOCK)
        other_modifiers_held_ = std::max(0, other_modifiers_held_ - 1);
}

std::optional<ScanEvent> EvdevDecoder::end_line(Clock::time_point now) {
    std::optional<ScanEvent> scan;
    if (!line_.empty() && !line_spoiled_) scan = scan_from_line(line_, source_, now);
    line_.clear();
    line_spoiled_ = false;
    return scan;
}

}  // namespace kitap::devices
