#pragma once

#include <array>
#include <string>
#include <vector>

namespace kitap::kiosk {

struct Rect {
    float x = 0, y = 0, width = 0, height = 0;
    float centre_x() const { return x + width / 2; }
    float centre_y() const { return y + height / 2; }
};

// Where the PIN keypad's keys are, in one place for the screen that draws them
// and the end-to-end test that taps them. Keys in reading order:
// 1 2 3 / 4 5 6 / 7 8 9 / erase 0 OK.
struct KeypadLayout {
    static constexpr int erase = 9;
    static constexpr int zero = 10;
    static constexpr int ok = 11;
    std::array<Rect, 12> keys{};
    Rect dots;     // the entered digits, shown as dots
    Rect message;  // wrong PIN, locked...
    Rect cancel;
};

// The keypad centred in `area` (the screen below the top bar), for a UI scale.
KeypadLayout keypad_layout(Rect area, float scale);
// The digit a key types; 0 for erase and OK.
char keypad_digit(int key);

// The librarian screen's menu on the left and the "close the kiosk?" question.
struct LibrarianLayout {
    std::array<Rect, 6> tabs{};  // in LibrarianTab's order
    Rect content;                // where the chosen tab draws
    Rect back;                   // back to pupils
    Rect leave;                  // close the kiosk
    Rect question;               // the box asking whether to close
    Rect keep_running;
    Rect close;
    Rect unlock_report;     // the box telling of wrong PINs since the last unlock
    Rect unlock_report_ok;  // and its one button
};

// For the screen's area (the viewport below the top bar).
LibrarianLayout librarian_layout(Rect area, float scale);

// "Find a book": the welcome screen's button, then the search screen with its
// on-screen keyboard in the Kazakh, Russian or English layout.
enum class KeyboardLayout { kk, ru, en };

struct KeyboardKey {
    enum class Kind { letter, space, erase, clear, layout, search };
    Kind kind = Kind::letter;
    std::string label;                              // the letter typed (UTF-8, lower case); empty for the other kinds
    KeyboardLayout switch_to = KeyboardLayout::kk;  // Kind::layout
    Rect rect;
};

struct FindBookLayout {
    Rect query;                     // the text typed; a tap brings the keyboard back
    Rect back;                      // back to the welcome screen
    Rect results;                   // the titles found, down to the keyboard or the bottom
    std::vector<KeyboardKey> keys;  // empty while the keyboard is hidden
};

// For the screen's area below the top bar; the keyboard's rows in `layout`.
FindBookLayout find_book_layout(Rect area, float scale, KeyboardLayout layout, bool keyboard_shown);
// The welcome screen's button, centred at the bottom of the area below the top bar.
Rect find_book_button(Rect area, float scale);

// The top bar's height and the corner a librarian holds for two seconds to ask for the keypad.
float top_bar_height(float scale);
Rect librarian_corner(float scale);
inline constexpr float librarian_hold_seconds = 2.0f;

}  // namespace kitap::kiosk
