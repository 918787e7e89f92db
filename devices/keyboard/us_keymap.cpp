#include "devices/keyboard/us_keymap.hpp"

#include <linux/input-event-codes.h>

#include <array>

namespace kitap::devices {
namespace {

struct KeyCharacters {
    int key_code;
    char plain;
    char shifted;
};

constexpr std::array us_keys{
    KeyCharacters{KEY_1, '1', '!'},           KeyCharacters{KEY_2, '2', '@'},
    KeyCharacters{KEY_3, '3', '#'},           KeyCharacters{KEY_4, '4', '$'},
    KeyCharacters{KEY_5, '5', '%'},           KeyCharacters{KEY_6, '6', '^'},
    KeyCharacters{KEY_7, '7', '&'},           KeyCharacters{KEY_8, '8', '*'},
    KeyCharacters{KEY_9, '9', '('},           KeyCharacters{KEY_0, '0', ')'},
    KeyCharacters{KEY_MINUS, '-', '_'},       KeyCharacters{KEY_EQUAL, '=', '+'},
    KeyCharacters{KEY_Q, 'q', 'Q'},           KeyCharacters{KEY_W, 'w', 'W'},
    KeyCharacters{KEY_E, 'e', 'E'},           KeyCharacters{KEY_R, 'r', 'R'},
    KeyCharacters{KEY_T, 't', 'T'},           KeyCharacters{KEY_Y, 'y', 'Y'},
    KeyCharacters{KEY_U, 'u', 'U'},           KeyCharacters{KEY_I, 'i', 'I'},
    KeyCharacters{KEY_O, 'o', 'O'},           KeyCharacters{KEY_P, 'p', 'P'},
    KeyCharacters{KEY_LEFTBRACE, '[', '{'},   KeyCharacters{KEY_RIGHTBRACE, ']', '}'},
    KeyCharacters{KEY_A, 'a', 'A'},           KeyCharacters{KEY_S, 's', 'S'},
    KeyCharacters{KEY_D, 'd', 'D'},           KeyCharacters{KEY_F, 'f', 'F'},
    KeyCharacters{KEY_G, 'g', 'G'},           KeyCharacters{KEY_H, 'h', 'H'},
    KeyCharacters{KEY_J, 'j', 'J'},           KeyCharacters{KEY_K, 'k', 'K'},
    KeyCharacters{KEY_L, 'l', 'L'},           KeyCharacters{KEY_SEMICOLON, ';', ':'},
    KeyCharacters{KEY_APOSTROPHE, '\'', '"'}, KeyCharacters{KEY_GRAVE, '`', '~'},
    KeyCharacters{KEY_BACKSLASH, '\\', '|'},  KeyCharacters{KEY_Z, 'z', 'Z'},
    KeyCharacters{KEY_X, 'x', 'X'},           KeyCharacters{KEY_C, 'c', 'C'},
    KeyCharacters{KEY_V, 'v', 'V'},           KeyCharacters{KEY_B, 'b', 'B'},
    KeyCharacters{KEY_N, 'n', 'N'},           KeyCharacters{KEY_M, 'm', 'M'},
    KeyCharacters{KEY_COMMA, ',', '<'},       KeyCharacters{KEY_DOT, '.', '>'},
    KeyCharacters{KEY_SLASH, '/', '?'},       KeyCharacters{KEY_SPACE, ' ', ' '},
    KeyCharacters{KEY_KP0, '0', '0'},         KeyCharacters{KEY_KP1, '1', '1'},
    KeyCharacters{KEY_KP2, '2', '2'},         KeyCharacters{KEY_KP3, '3', '3'},
    KeyCharacters{KEY_KP4, '4', '4'},         KeyCharacters{KEY_KP5, '5', '5'},
    KeyCharacters{KEY_KP6, '6', '6'},         KeyCharacters{KEY_KP7, '7', '7'},
    KeyCharacters{KEY_KP8, '8', '8'},         KeyCharacters{KEY_KP9, '9', '9'},
    KeyCharacters{KEY_KPDOT, '.', '.'},       KeyCharacters{KEY_KPMINUS, '-', '-'},
    KeyCharacters{KEY_KPPLUS, '+', '+'},      KeyCharacters{KEY_KPASTERISK, '*', '*'},
    KeyCharacters{KEY_KPSLASH, '/', '/'},
};

}  // namespace

std::optional<char> us_character(int key_code, bool shift) {
    for (const auto& key : us_keys)
        if (key.key_code == key_code) return shift ? key.shifted : key.plain;
    return std::nullopt;
}

bool is_shift_key(int key_code) { return key_code == KEY_LEFTSHIFT || key_code == KEY_RIGHTSHIFT; }

bool is_modifier_key(int key_code) {
    switch (key_code) {
        case KEY_LEFTSHIFT:
        case KEY_RIGHTSHIFT:
        case KEY_LEFTCTRL:
        case KEY_RIGHTCTRL:
        case KEY_LEFTALT:
        case KEY_RIGHTALT:
        case KEY_LEFTMETA:
        case KEY_RIGHTMETA:
        case KEY_CAPSLOCK:
            return true;
        default:
            return false;
    }
}

bool is_line_terminator(int key_code) {
    return key_code == KEY_ENTER || key_code == KEY_KPENTER || key_code == KEY_TAB;
}

}  // namespace kitap::devices
