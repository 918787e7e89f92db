#pragma once

#include "core/circulation/station.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/screens/top_bar.hpp"

#include <optional>
#include <string>

namespace kitap::kiosk {

// The librarian's PIN on an on-screen keypad (a keyboard's digits work too); or,
// `for_reader`, a reader's own PIN after their card (kiosk/gui/reader_pin_flow.hpp).
struct PinScreen {
    enum class Message { none, wrong, locked, no_pin_set };
    TopBar top;
    std::size_t digits_entered = 0;  // shown as dots; the digits stay with the app
    Message message = Message::none;
    int tries_left = 0;
    int locked_seconds = 0;
    bool demo_hint = false;  // --demo with no PIN set: the demo PIN works and is shown
    bool for_reader = false;
    std::optional<core::StationOutcome> reader_refusal;  // a wrong reader PIN, in the station's words
    std::size_t min_digits = min_pin_length;             // OK needs this many
};

struct PinIntent {
    TopBarIntent top;
    std::optional<char> digit;
    bool erase = false;
    bool submit = false;
    bool cancel = false;
};

PinIntent draw(const PinScreen& screen, const ScreenContext& context);

// How long the keypad stays locked, in words: "45 s", "7 min 30 s", "16 h 4 min".
std::string wait_text(int seconds, const app::Translator& tr);

}  // namespace kitap::kiosk
