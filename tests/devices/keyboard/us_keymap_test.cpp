#include "devices/keyboard/us_keymap.hpp"

#include <gtest/gtest.h>

#include <linux/input-event-codes.h>

namespace kitap::devices {
namespace {

TEST(UsKeymap, TypesUsCharactersWithAndWithoutShift) {
    EXPECT_EQ(us_character(KEY_A, false), 'a');
    EXPECT_EQ(us_character(KEY_A, true), 'A');
    EXPECT_EQ(us_character(KEY_1, false), '1');
    EXPECT_EQ(us_character(KEY_1, true), '!');
    EXPECT_EQ(us_character(KEY_RIGHTBRACE, false), ']');
    EXPECT_EQ(us_character(KEY_MINUS, false), '-');
    EXPECT_EQ(us_character(KEY_SLASH, true), '?');
    EXPECT_EQ(us_character(KEY_SPACE, false), ' ');
}

TEST(UsKeymap, TypesKeypadDigitsWhateverTheShift) {
    EXPECT_EQ(us_character(KEY_KP7, false), '7');
    EXPECT_EQ(us_character(KEY_KP7, true), '7');
    EXPECT_EQ(us_character(KEY_KPMINUS, false), '-');
}

TEST(UsKeymap, KnowsKeysThatTypeNothing) {
    EXPECT_EQ(us_character(KEY_F1, false), std::nullopt);
    EXPECT_EQ(us_character(KEY_LEFTSHIFT, false), std::nullopt);
    EXPECT_EQ(us_character(KEY_ENTER, false), std::nullopt);
    EXPECT_TRUE(is_modifier_key(KEY_LEFTSHIFT));
    EXPECT_TRUE(is_modifier_key(KEY_RIGHTALT));
    EXPECT_TRUE(is_modifier_key(KEY_CAPSLOCK));
    EXPECT_FALSE(is_modifier_key(KEY_A));
    EXPECT_TRUE(is_shift_key(KEY_RIGHTSHIFT));
    EXPECT_FALSE(is_shift_key(KEY_LEFTCTRL));
}

TEST(UsKeymap, EndsLinesOnEnterAndTab) {
    EXPECT_TRUE(is_line_terminator(KEY_ENTER));
    EXPECT_TRUE(is_line_terminator(KEY_KPENTER));
    EXPECT_TRUE(is_line_terminator(KEY_TAB));
    EXPECT_FALSE(is_line_terminator(KEY_SPACE));
}

}  // namespace
}  // namespace kitap::devices
