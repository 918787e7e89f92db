#include "kiosk/gui/ui/keypad_layout.hpp"

#include "tests/kiosk/gui/support/rects.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kitap::kiosk {
namespace {

using testing::inside;
using testing::overlap;

// At 1280x800 (with or without the demo strip) every key is a finger's size and fits.
TEST(KeypadLayout, KeysAreTouchSizedAndFitTheScreen) {
    for (float width : {1280.0f, 980.0f}) {
        const Rect area{0, top_bar_height(1), width, 800 - top_bar_height(1)};
        const KeypadLayout layout = keypad_layout(area, 1.0f);
        for (int i = 0; i < 12; ++i) {
            const Rect& key = layout.keys[i];
            EXPECT_GE(key.width, 64);
            EXPECT_GE(key.height, 64);
            EXPECT_TRUE(inside(key, area)) << i;
            for (int j = i + 1; j < 12; ++j) EXPECT_FALSE(overlap(key, layout.keys[j])) << i << " " << j;
        }
        EXPECT_GE(layout.cancel.height, 64);
        EXPECT_TRUE(inside(layout.cancel, area));
        EXPECT_FALSE(overlap(layout.cancel, layout.keys[KeypadLayout::zero]));
    }
}

TEST(KeypadLayout, DigitsInPhoneOrder) {
    EXPECT_EQ(keypad_digit(0), '1');
    EXPECT_EQ(keypad_digit(8), '9');
    EXPECT_EQ(keypad_digit(KeypadLayout::zero), '0');
    EXPECT_EQ(keypad_digit(KeypadLayout::erase), 0);
    EXPECT_EQ(keypad_digit(KeypadLayout::ok), 0);
}

TEST(KeypadLayout, EverythingScalesWithTheScreen) {
    const KeypadLayout small = keypad_layout({0, 96, 1280, 704}, 1.0f);
    const KeypadLayout large = keypad_layout({0, 192, 2560, 1408}, 2.0f);
    EXPECT_FLOAT_EQ(large.keys[4].width, 2 * small.keys[4].width);
    EXPECT_FLOAT_EQ(large.keys[4].centre_x(), 2 * small.keys[4].centre_x());
}

TEST(LibrarianLayout, ButtonsAreTouchSizedAndApart) {
    const Rect area{0, 96, 1280, 704};
    const LibrarianLayout layout = librarian_layout(area, 1.0f);
    std::vector<Rect> buttons(layout.tabs.begin(), layout.tabs.end());
    buttons.push_back(layout.back);
    buttons.push_back(layout.leave);
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        EXPECT_GE(buttons[i].height, 64);
        EXPECT_TRUE(inside(buttons[i], area));
        for (std::size_t j = i + 1; j < buttons.size(); ++j) EXPECT_FALSE(overlap(buttons[i], buttons[j]));
    }
    EXPECT_GE(layout.close.height, 64);
    EXPECT_TRUE(inside(layout.close, layout.question));
    EXPECT_FALSE(overlap(layout.close, layout.keep_running));
    EXPECT_TRUE(inside(layout.unlock_report, area));
    EXPECT_GE(layout.unlock_report_ok.height, 64);
    EXPECT_TRUE(inside(layout.unlock_report_ok, layout.unlock_report));
    EXPECT_GE(librarian_corner(1.0f).width, 64);
}

// "Find a book": with or without the demo strip, in every layout, each key is a finger's
// size and apart from the others, and the query, the list and the keys do not meet.
TEST(FindBookLayout, KeysAreTouchSizedApartAndBelowTheList) {
    for (float width : {1280.0f, 980.0f}) {
        const Rect area{0, top_bar_height(1), width, 800 - top_bar_height(1)};
        for (const auto keyboard : {KeyboardLayout::kk, KeyboardLayout::ru, KeyboardLayout::en}) {
            const FindBookLayout layout = find_book_layout(area, 1.0f, keyboard, true);
            EXPECT_GE(layout.results.height, 200) << "three titles at least";
            EXPECT_FALSE(overlap(layout.query, layout.back));
            for (std::size_t i = 0; i < layout.keys.size(); ++i) {
                const Rect& key = layout.keys[i].rect;
                EXPECT_GE(key.width, 64) << layout.keys[i].label;
                EXPECT_GE(key.height, 64);
                EXPECT_TRUE(inside(key, area)) << layout.keys[i].label << " at width " << width;
                EXPECT_FALSE(overlap(key, layout.results));
                for (std::size_t j = i + 1; j < layout.keys.size(); ++j)
                    EXPECT_FALSE(overlap(key, layout.keys[j].rect)) << layout.keys[i].label << layout.keys[j].label;
            }
        }
        const FindBookLayout hidden = find_book_layout(area, 1.0f, KeyboardLayout::kk, false);
        EXPECT_TRUE(hidden.keys.empty());
        EXPECT_GE(hidden.results.height, 500) << "the whole list";
        EXPECT_TRUE(inside(find_book_button(area, 1.0f), area));
    }
}

std::string letters_of(KeyboardLayout keyboard) {
    std::string letters;
    for (const auto& key : find_book_layout({0, 96, 1280, 704}, 1.0f, keyboard, true).keys)
        if (key.kind == KeyboardKey::Kind::letter) letters += key.label;
    return letters;
}

TEST(FindBookLayout, EachLayoutHasItsAlphabetAndTheKazakhOneEveryKazakhLetter) {
    EXPECT_EQ(letters_of(KeyboardLayout::kk), "әіңғүұқөһйцукенгшщзхъфывапролджэячсмитьбюё");
    EXPECT_EQ(letters_of(KeyboardLayout::ru), "йцукенгшщзхъфывапролджэячсмитьбюё");
    EXPECT_EQ(letters_of(KeyboardLayout::en), "1234567890qwertyuiopasdfghjklzxcvbnm");
    std::vector<KeyboardLayout> switches;
    for (const auto& key : find_book_layout({0, 96, 1280, 704}, 1.0f, KeyboardLayout::ru, true).keys)
        if (key.kind == KeyboardKey::Kind::layout) switches.push_back(key.switch_to);
    EXPECT_EQ(switches, (std::vector{KeyboardLayout::kk, KeyboardLayout::ru, KeyboardLayout::en}));
}

}  // namespace
}  // namespace kitap::kiosk
