#pragma once

#include <optional>

namespace kitap::devices {

// Barcode scanners in keyboard mode "type" with the US layout: they send key
// positions, and the host's layout turns them into characters. Under a Russian
// or Kazakh layout the scanner's "A" would become "Ф" and its "2" "ә", so every
// keyboard decoder maps Linux input key codes (KEY_A...) through this table
// instead of trusting the characters the system produced.

// The character the key types on a US keyboard; nullopt for keys that type
// nothing (F1, arrows) and for modifiers. Keypad keys type their digit with or
// without shift: scanners set to "keypad emulation" send them.
std::optional<char> us_character(int key_code, bool shift);

bool is_shift_key(int key_code);
// Shift, Ctrl, Alt, Super, Caps Lock: keys that change others but type nothing.
bool is_modifier_key(int key_code);
// Enter, keypad Enter or Tab: what scanners send after a code.
bool is_line_terminator(int key_code);

}  // namespace kitap::devices
