#pragma once

#include "devices/clock.hpp"

namespace kitap::devices {

// One key press as the kiosk window saw it (presses only, no releases or repeats).
struct KeyStroke {
    // Linux input key code (KEY_A = 30). GLFW reports it on X11 and Wayland as
    // its scancode - 8: it names the key's position, whatever the layout.
    int key_code = 0;
    bool shift = false;
    bool control = false;    // Ctrl, Alt or Super held: such a key is never part of a scan
    char32_t character = 0;  // what the active layout typed, handed back for keys a person typed
    Clock::time_point time;
};

}  // namespace kitap::devices
