#include "core/import/text_decoding.hpp"

#include <gtest/gtest.h>
#include "core/import/import_test_support.hpp"

#include <stdexcept>

namespace kitap::core {
namespace {

enum class Endian { little, big };

// UTF-16 bytes with a BOM, built from a u"" literal so surrogate pairs come from the compiler.
std::string utf16_file(std::u16string_view text, Endian endian) {
    std::string bytes;
    auto put = [&](char16_t unit) {
        const char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
        bytes += endian == Endian::little ? low : high;
        bytes += endian == Endian::little ? high : low;
    };
    put(0xFEFF);
    for (const char16_t unit : text) put(unit);
    return bytes;
}

// glibc's converter, as an independent reference for Windows-1251.
std::string iconv_convert(const char* from, const char* to, std::string_view input) {
    return testing::encoded(input, to, from);
}

std::string to_windows1251(std::string_view utf8) { return iconv_convert("UTF-8", "CP1251", utf8); }

const std::string kazakh_csv = "Аты-жөні;Сынып\r\nӘлия Қасымова;5Ә\r\nҒалым Үсенов;11Ұ\n";

TEST(EncodingName, NamesEveryEncoding) {
    EXPECT_EQ(encoding_name(SourceEncoding::utf8), "UTF-8");
    EXPECT_EQ(encoding_name(SourceEncoding::utf8_bom), "UTF-8 with BOM");
    EXPECT_EQ(encoding_name(SourceEncoding::utf16le), "UTF-16LE");
    EXPECT_EQ(encoding_name(SourceEncoding::utf16be), "UTF-16BE");
    EXPECT_EQ(encoding_name(SourceEncoding::windows1251), "Windows-1251");
}

TEST(DecodeUtf8, ValidTextIsKeptWithItsLineEnds) {
    const auto decoded = decode_to_utf8(kazakh_csv);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, SourceEncoding::utf8);
    EXPECT_EQ(decoded->utf8, kazakh_csv);
}

TEST(DecodeUtf8, AsciiAndEmptyFilesAreUtf8) {
    EXPECT_EQ(decode_to_utf8("ISBN,Title\n")->encoding, SourceEncoding::utf8);
    const auto empty = decode_to_utf8("");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->encoding, SourceEncoding::utf8);
    EXPECT_EQ(empty->utf8, "");
}

TEST(DecodeUtf8, BomIsStripped) {
    const auto decoded = decode_to_utf8("\xEF\xBB\xBF" + kazakh_csv);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, SourceEncoding::utf8_bom);
    EXPECT_EQ(decoded->utf8, kazakh_csv);
}

TEST(DecodeUtf8, BomWithInvalidBytesReportsEachBadLine) {
    const std::string text =
        "\xEF\xBB\xBF"
        "Аты-жөні\r\n\xC8\xE2\xE0\xED\xEE\xE2\r\nӘлия\n\xFF\xFE\xFD\n";
    const auto decoded = decode_to_utf8(text);
    ASSERT_FALSE(decoded);
    ASSERT_EQ(decoded.error().size(), 2u);
    EXPECT_EQ(decoded.error()[0].line, 2u);
    EXPECT_EQ(decoded.error()[0].reason, "invalid UTF-8 bytes");
    EXPECT_EQ(decoded.error()[1].line, 4u);  // one error for a line of bad bytes
}

TEST(DecodeUtf8, MostlyUtf8WithCorruptedLinesIsRefusedLineByLine) {
    const std::string text =
        "Аты-жөні;Сынып\r\n"    // 1
        "Әлия Қасымова;5Ә\r\n"  // 2
        + to_windows1251("Иванов Пётр;7Б") +
        "\r\n"                     // 3: pasted from an old file
        "Ғалым Үсенов;11Ұ\n"       // 4
        "Сәуле Нұрланқызы;3\xD3";  // 5: cut in the middle of "Ә"
    const auto decoded = decode_to_utf8(text);
    ASSERT_FALSE(decoded);
    ASSERT_EQ(decoded.error().size(), 2u);
    EXPECT_EQ(decoded.error()[0].line, 3u);
    EXPECT_EQ(decoded.error()[0].reason, "invalid UTF-8 bytes");
    EXPECT_EQ(decoded.error()[1].line, 5u);
    EXPECT_EQ(decoded.error()[1].reason, "invalid UTF-8 bytes");
}

TEST(DecodeUtf16, LittleEndianWithSurrogatePairAndCrlf) {
    const auto decoded = decode_to_utf8(utf16_file(u"Аты-жөні\tСынып\r\nӘлия Қасымова 📚\t5Ә\r\n", Endian::little));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, SourceEncoding::utf16le);
    EXPECT_EQ(decoded->utf8, "Аты-жөні\tСынып\r\nӘлия Қасымова 📚\t5Ә\r\n");
}

TEST(DecodeUtf16, BigEndianWithSurrogatePairAndLf) {
    const auto decoded = decode_to_utf8(utf16_file(u"Аты-жөні\nҚасымова 📚\n", Endian::big));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, SourceEncoding::utf16be);
    EXPECT_EQ(decoded->utf8, "Аты-жөні\nҚасымова 📚\n");
}

TEST(DecodeUtf16, MatchesHandWrittenBytes) {
    // "Ә\n" little-endian: BOM FF FE, U+04D8 as D8 04, LF as 0A 00.
    const auto decoded = decode_to_utf8(std::string("\xFF\xFE\xD8\x04\x0A\x00", 6));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->utf8, "Ә\n");
}

TEST(DecodeUtf16, UnpairedSurrogatesAreErrorsOnTheirLines) {
    std::u16string text = u"Аты-жөні\r\nӘлия ";
    text += char16_t{0xD83D};  // high surrogate followed by a letter, line 2
    text += u"\r\nҚасымова\r\n";
    text += char16_t{0xDCDA};  // low surrogate alone, line 4
    text += u"\r\n";
    text += char16_t{0xD83D};  // high surrogate at the very end, line 5
    for (const Endian endian : {Endian::little, Endian::big}) {
        const auto decoded = decode_to_utf8(utf16_file(text, endian));
        ASSERT_FALSE(decoded);
        ASSERT_EQ(decoded.error().size(), 3u);
        EXPECT_EQ(decoded.error()[0].line, 2u);
        EXPECT_EQ(decoded.error()[0].reason, "unpaired UTF-16 surrogate");
        EXPECT_EQ(decoded.error()[1].line, 4u);
        EXPECT_EQ(decoded.error()[2].line, 5u);
    }
}

TEST(DecodeUtf16, OddByteCountIsAnErrorOnTheLastLine) {
    const std::string bytes = utf16_file(u"Аты-жөні\nӘлия\nҚасымова", Endian::little) + '\x41';
    const auto decoded = decode_to_utf8(bytes);
    ASSERT_FALSE(decoded);
    ASSERT_EQ(decoded.error().size(), 1u);
    EXPECT_EQ(decoded.error()[0].line, 3u);
    EXPECT_NE(decoded.error()[0].reason.find("odd number of bytes"), std::string::npos);
}

TEST(DecodeWindows1251, HandWrittenBytesOfARussianName) {
    // "Иванова Мария;5А\r\n" as Russian Excel saves it.
    const auto decoded = decode_to_utf8("\xC8\xE2\xE0\xED\xEE\xE2\xE0 \xCC\xE0\xF0\xE8\xFF;5\xC0\r\n");
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, SourceEncoding::windows1251);
    EXPECT_EQ(decoded->utf8, "Иванова Мария;5А\r\n");
}

TEST(DecodeWindows1251, RussianCsvWithKazakhIAndPunctuation) {
    // Windows-1251 has no Ә or Қ, but offices do type І, «», № and — in it.
    const std::string text = "ФИО;Класс;Книга\r\nЁлкина Алёна;5Б;«Тіл» №2 — учебник\r\n";
    const auto decoded = decode_to_utf8(to_windows1251(text));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, SourceEncoding::windows1251);
    EXPECT_EQ(decoded->utf8, text);
}

TEST(DecodeWindows1251, AccidentalUtf8SequencesDoNotMakeItUtf8) {
    // "Ы»" (DB BB), "МЁ" (CC A8) and "ТІ" (D2 B2) in Windows-1251 happen to be
    // valid two-byte UTF-8 sequences: upper-case titles and surnames are full of them.
    const std::string text = "Название;Автор\n«АБАЙ ЖОЛЫ»;СЕМЁНОВ\nТІЛ;\n";
    const std::string bytes = to_windows1251(text);
    ASSERT_NE(bytes.find("\xDB\xBB"), std::string::npos);
    ASSERT_NE(bytes.find("\xCC\xA8"), std::string::npos);
    ASSERT_NE(bytes.find("\xD2\xB2"), std::string::npos);
    const auto decoded = decode_to_utf8(bytes);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, SourceEncoding::windows1251);
    EXPECT_EQ(decoded->utf8, text);
}

TEST(DecodeWindows1251, EveryDefinedByteMatchesGlibcIconv) {
    for (int byte = 0x80; byte <= 0xFF; ++byte) {
        if (byte == 0x98) continue;
        // A leading letter makes the input invalid UTF-8 even where one byte alone would not be.
        const std::string input = std::string("\xC0\xC0", 2) + static_cast<char>(byte);
        const auto decoded = decode_to_utf8(input);
        ASSERT_TRUE(decoded) << std::hex << byte;
        EXPECT_EQ(decoded->encoding, SourceEncoding::windows1251) << std::hex << byte;
        EXPECT_EQ(decoded->utf8, iconv_convert("CP1251", "UTF-8", input)) << std::hex << byte;
    }
}

TEST(DecodeWindows1251, Byte0x98IsAnErrorOnItsLine) {
    const std::string text = to_windows1251("ФИО;Класс\r\nИванова Мария;5А\r\n") +
                             "\x98\xCF\xE5\xF2\xF0\xEE\xE2\x98;7\r\n" + to_windows1251("Сидоров;8В\r\n") + "\x98\n";
    const auto decoded = decode_to_utf8(text);
    ASSERT_FALSE(decoded);
    ASSERT_EQ(decoded.error().size(), 2u);
    EXPECT_EQ(decoded.error()[0].line, 3u);
    EXPECT_EQ(decoded.error()[0].reason, "byte 0x98 is not Windows-1251");
    EXPECT_EQ(decoded.error()[1].line, 5u);
}

}  // namespace
}  // namespace kitap::core
