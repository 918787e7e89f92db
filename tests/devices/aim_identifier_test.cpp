#include "devices/aim_identifier.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

TEST(AimIdentifier, SplitsKnownIdentifiersFromTheData) {
    EXPECT_EQ(split_aim_identifier("]E09786010000018").symbology, Symbology::ean13);
    EXPECT_EQ(split_aim_identifier("]E09786010000018").data, "9786010000018");
    EXPECT_EQ(split_aim_identifier("]C1KTP-0001").symbology, Symbology::code128);
    EXPECT_EQ(split_aim_identifier("]C1KTP-0001").data, "KTP-0001");
    EXPECT_EQ(split_aim_identifier("]F0A12345B").symbology, Symbology::codabar);
    EXPECT_EQ(split_aim_identifier("]Q1hello").symbology, Symbology::qr);
    EXPECT_EQ(split_aim_identifier("]d2DM").symbology, Symbology::data_matrix);
    EXPECT_EQ(split_aim_identifier("]A0CODE39").symbology, Symbology::code39);
    EXPECT_EQ(split_aim_identifier("]I012345678").symbology, Symbology::itf);
}

TEST(AimIdentifier, TellsEan8FromEan13) {
    EXPECT_EQ(split_aim_identifier("]E412345670").symbology, Symbology::ean8);
    EXPECT_EQ(split_aim_identifier("]E012345670").symbology, Symbology::ean8);
}

TEST(AimIdentifier, RemovesIdentifiersItDoesNotMap) {
    const auto split = split_aim_identifier("]X0anything");
    EXPECT_EQ(split.symbology, Symbology::unknown);
    EXPECT_EQ(split.data, "anything");
}

TEST(AimIdentifier, LeavesLinesWithoutAnIdentifierWhole) {
    for (const auto* line : {"20000014", "]", "]E", "]e!x", "]Zq", "E09786010000018", ""}) {
        const auto split = split_aim_identifier(line);
        EXPECT_EQ(split.symbology, Symbology::unknown) << line;
        EXPECT_EQ(split.data, line);
    }
}

TEST(AimIdentifier, MakesScanEventsFromLines) {
    const auto now = Clock::now();
    const auto scan = scan_from_line("]C0ABC", "pipe:x", now);
    ASSERT_TRUE(scan);
    EXPECT_EQ(scan->text, "ABC");
    EXPECT_EQ(scan->symbology, Symbology::code128);
    EXPECT_EQ(scan->source, "pipe:x");
    EXPECT_EQ(scan->time, now);
}

// Found by fuzz_evdev_decoder: "]E0" and Enter made a scan with no text.
TEST(AimIdentifier, AnIdentifierWithoutDataIsNoScan) {
    EXPECT_FALSE(scan_from_line("]E0", "pipe:x", Clock::now()));
    EXPECT_FALSE(scan_from_line("]X9", "pipe:x", Clock::now()));
    EXPECT_TRUE(scan_from_line("]E", "pipe:x", Clock::now()));  // no identifier: the line is the code
}

}  // namespace
}  // namespace kitap::devices
