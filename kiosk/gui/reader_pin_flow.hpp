#pragma once

#include "core/circulation/station.hpp"
#include "devices/keyboard/key_stroke.hpp"
#include "kiosk/gui/screens/pin_screen.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace kitap::kiosk {

// What the pupil did on the reader's keypad, for the app to act on.
struct ReaderPinEffect {
    std::optional<std::string> submit;  // OK or Enter: the PIN for the station
    bool cancel = false;                // Cancel, or the keypad left alone
};

// A reader's own PIN at the pupils' kiosk: the station answered a card with
// `pin_required`, so the keypad comes up (PinScreen in its reader's mode). The digits
// stay here, shown as dots, until OK sends them; a wrong PIN keeps the keypad, empty,
// with the station's words and never the reader's name; anything else the station
// says closes it. Nothing here draws or touches the station.
class ReaderPinFlow {
public:
    using Steady = std::chrono::steady_clock;

    bool active() const { return screen_.has_value(); }
    PinScreen& screen() { return *screen_; }

    void open(Steady::time_point now);
    void close();
    ReaderPinEffect key(const devices::KeyStroke& key, Steady::time_point now);
    ReaderPinEffect touch(const PinIntent& intent, Steady::time_point now);
    // The station's `wrong_pin`: try again.
    void wrong(const core::StationOutcome& outcome);
    // Untouched for `idle` (the station's session timeout), the keypad gives up.
    ReaderPinEffect tick(Steady::time_point now, std::chrono::seconds idle) const;

private:
    void type(char digit);
    void erase();
    ReaderPinEffect submit();

    std::optional<PinScreen> screen_;
    std::string digits_;
    Steady::time_point touched_{};
};

}  // namespace kitap::kiosk
