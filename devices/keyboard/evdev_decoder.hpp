#pragma once

#include "devices/scan_event.hpp"

#include <linux/input.h>

#include <cstddef>
#include <optional>
#include <string>

namespace kitap::devices {

// Turns a scanner's `struct input_event`s (from its grabbed /dev/input node or a
// recording of one) into scans: key presses through the US keymap with the
// shift state the scanner itself sent, one scan per Enter or Tab. No timing
// rules are needed here: a grabbed scanner has no person typing on it.
class EvdevDecoder {
public:
    explicit EvdevDecoder(std::string source, std::size_t max_length = 512);

    std::optional<ScanEvent> feed(const input_event& event, Clock::time_point now);
    // The device went away: a half-typed code and a held shift are forgotten.
    void reset();

private:
    void press(int key_code);
    void release(int key_code);
    std::optional<ScanEvent> end_line(Clock::time_point now);

    std::string source_;
    std::size_t max_length_;
    bool left_shift_ = false;
    bool right_shift_ = false;
    int other_modifiers_held_ = 0;  // Ctrl, Alt, Super
    std::string line_;
    bool line_spoiled_ = false;  // a key that types nothing, or too long: no scan
};

}  // namespace kitap::devices
