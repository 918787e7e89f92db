#include "core/text/utf8.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

constexpr std::string_view russian_upper = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
constexpr std::string_view russian_lower = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
constexpr std::string_view kazakh_upper = "ӘҒҚҢӨҰҮҺІ";
constexpr std::string_view kazakh_lower = "әғқңөұүһі";

TEST(Utf8Validity, AcceptsKazakhRussianAsciiAndEmptyText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("ISBN;Title"));
    EXPECT_TRUE(is_valid_utf8("Әлия Қасымова, 5Ә"));
    EXPECT_TRUE(is_valid_utf8("Иванова Мария Сергеевна"));
    EXPECT_TRUE(is_valid_utf8("Кітап 📚"));
}

TEST(Utf8Validity, RejectsMalformedSequences) {
    EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
    EXPECT_FALSE(is_valid_utf8("Әлия \xD3"));         // cut short
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xFF"));
    EXPECT_FALSE(is_valid_utf8("\xC8\xE2\xE0\xED"));  // "Иван" in Windows-1251
}

TEST(Utf8CodePoints, DecodesAndEncodesAtEveryLengthBoundary) {
    for (const char32_t c : {0x00, 0x7F, 0x80, 0x4D8, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x1F4DA, 0x10FFFF}) {
        std::string encoded;
        append_utf8(encoded, c);
        const auto decoded = decode_code_point(encoded);
        ASSERT_TRUE(decoded) << std::hex << static_cast<unsigned>(c);
        EXPECT_EQ(decoded->value, c);
        EXPECT_EQ(decoded->length, encoded.size());
    }
    EXPECT_EQ(decode_code_point("Әлия")->value, U'Ә');
    EXPECT_FALSE(decode_code_point(""));
}

TEST(FoldCase, LowersRussianLettersIncludingYo) {
    EXPECT_EQ(fold_case(russian_upper), russian_lower);
    EXPECT_EQ(fold_case(russian_lower), russian_lower);
}

TEST(FoldCase, LowersEveryKazakhLetter) {
    EXPECT_EQ(fold_case(kazakh_upper), kazakh_lower);
    EXPECT_EQ(fold_case("ӘЛИЯ ҚАСЫМОВА"), "әлия қасымова");
}

TEST(FoldCase, TrimsSoColumnHeadersMatch) {
    EXPECT_EQ(fold_case("  АТЫ-ЖӨНІ\t"), "аты-жөні");
    EXPECT_EQ(fold_case("\xC2\xA0Аты-Жөні\r\n"), "аты-жөні");
    EXPECT_EQ(fold_case(" ISBN "), "isbn");
    EXPECT_EQ(fold_case("Сынып"), fold_case("СЫНЫП "));
}

TEST(FoldCase, KeepsOtherCharactersAndInvalidBytes) {
    EXPECT_EQ(fold_case("5Ә-2026 №1"), "5ә-2026 №1");
    EXPECT_EQ(fold_case("Ü"), "Ü");  // outside the letters the kiosk matches
    EXPECT_EQ(fold_case("A\xFF"
                        "B"),
              "a\xFF"
              "b");
}

TEST(ToUpper, RaisesTheSameLettersWithoutTrimming) {
    EXPECT_EQ(to_upper(russian_lower), russian_upper);
    EXPECT_EQ(to_upper(kazakh_lower), kazakh_upper);
    EXPECT_EQ(to_upper(" 5ә "), " 5Ә ");
    EXPECT_EQ(to_upper("әлия қасымова, isbn"), "ӘЛИЯ ҚАСЫМОВА, ISBN");
}

TEST(ToUpper, IsTheInverseOfFoldCase) {
    const std::string all_upper = std::string(russian_upper) + std::string(kazakh_upper) + "ABCXYZ";
    EXPECT_EQ(to_upper(fold_case(all_upper)), all_upper);
}

TEST(Trim, RemovesAsciiWhitespaceAndNoBreakSpaceAtBothEnds) {
    EXPECT_EQ(trim(" \t\r\n\v\fӘлия\xC2\xA0 "), "Әлия");
    EXPECT_EQ(trim("Әлия\xC2\xA0Қасымова"), "Әлия\xC2\xA0Қасымова");  // inside is kept
    EXPECT_EQ(trim("  Аты-жөні  "), "Аты-жөні");
    EXPECT_EQ(trim(" \xC2\xA0 "), "");
    EXPECT_EQ(trim(""), "");
}

TEST(LatinLookalikes, TurnClassLettersTypedInLatinIntoCyrillic) {
    EXPECT_EQ(latin_lookalikes_to_cyrillic("5A"), "5А");
    EXPECT_EQ(latin_lookalikes_to_cyrillic("11a"), "11а");
    EXPECT_EQ(latin_lookalikes_to_cyrillic("ABCEHKMOPTX"), "АВСЕНКМОРТХ");
    EXPECT_EQ(latin_lookalikes_to_cyrillic("aceopx"), "асеорх");
}

TEST(LatinLookalikes, KeepEverythingElse) {
    EXPECT_EQ(latin_lookalikes_to_cyrillic("5Ә"), "5Ә");
    EXPECT_EQ(latin_lookalikes_to_cyrillic("7D"), "7D");  // no Cyrillic letter looks like D
    EXPECT_EQ(latin_lookalikes_to_cyrillic("9b"), "9b");
    EXPECT_EQ(latin_lookalikes_to_cyrillic(""), "");
}

}  // namespace
}  // namespace kitap::core
