#include "core/text/control_chars.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

TEST(ControlCharacters, AnEscapeSequenceIsFoundWhereItStarts) {
    const auto found = first_control_character("Қасымова\x1b]2;pwned\x07");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->code_point, U'\x1b');
    EXPECT_EQ(found->offset, std::string_view("Қасымова").size());
    EXPECT_EQ(code_point_name(found->code_point), "U+001B");
}

TEST(ControlCharacters, DelC1AndBidiOverridesAreControlsKazakhLettersAreNot) {
    for (const char* text : {"a\x7f",
                             "a\xc2\x9b"
                             "31m",
                             "\xe2\x80\xae"
                             "txt.exe",
                             "\xe2\x81\xa6x", "\x01"})
        EXPECT_TRUE(first_control_character(text)) << text;
    for (const char* text : {"Әлия Ғалымқызы ҚҢӨҰҮҺІ", "5Ә", "Абай жолы «Мектеп» №2", "\xc2\xa0no-break", ""})
        EXPECT_FALSE(first_control_character(text)) << text;
}

TEST(ControlCharacters, TabAndLineEndsAreLayoutNotControlsOfAnImportedCell) {
    EXPECT_FALSE(first_control_character("two\tcells\r\nand a line"));
}

TEST(ControlCharacters, PrintableEscapesEveryControlAsJsonSpellsIt) {
    EXPECT_EQ(printable("Әлия\x1b]2;pwned\x07"), "Әлия\\u001b]2;pwned\\u0007");
    EXPECT_EQ(printable("one\ntwo\tthree\r"), "one\\u000atwo\\u0009three\\u000d");
    EXPECT_EQ(printable("\xe2\x80\xae"
                        "cba"),
              "\\u202ecba");
    EXPECT_EQ(printable("\xc2\x9b"
                        "2J"),
              "\\u009b2J");
    EXPECT_EQ(printable("bad \x9b byte"), "bad \\x9b byte");
    EXPECT_EQ(printable("Қазақ тілі. 5-сынып"), "Қазақ тілі. 5-сынып");
}

}  // namespace
}  // namespace kitap::core
