#pragma once

#include "devices/keyboard/key_stroke.hpp"

#include <linux/input.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::devices::testing {

// Loads a recorded key-timing sequence (tests/devices/data/*.keys): one key
// press a line, "time_ms KEY_NAME shift(S|-) typed-character", times relative
// to `start`.
std::vector<KeyStroke> load_key_recording(const std::filesystem::path& file, Clock::time_point start);

// The raw events a keyboard-mode scanner sends for `text` and a terminator
// (KEY_ENTER by default): EV_MSC scan code, EV_KEY press/release and EV_SYN per
// key, Shift pressed around shifted characters, as a USB HID keyboard does.
std::vector<input_event> scanner_events(std::string_view text, int terminator = KEY_ENTER);

// The bytes of those events, as read from an evdev node or a recording.
std::string as_bytes(const std::vector<input_event>& events);

}  // namespace kitap::devices::testing
