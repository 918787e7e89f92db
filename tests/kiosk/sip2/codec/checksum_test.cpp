#include "kiosk/sip2/codec/checksum.hpp"

#include <gtest/gtest.h>

namespace kitap::sip2 {
namespace {

TEST(ChecksumTest, TheSpecsCheckinExampleSumsToD6A5) {
    EXPECT_EQ(checksum("09N19980821    085721                  APCertification Terminal Location|"
                       "AOCertification Institute ID|ABCheckInBook|ACTPWord|BIN|AY2AZ"),
              "D6A5");
}

TEST(ChecksumTest, TheChecksumIsTheNegatedSumOfTheBytesThroughAz) {
    EXPECT_EQ(checksum("97AZ"), "FEF5");  // '9'+'7'+'A'+'Z' = 0x10B
    EXPECT_EQ(checksum("96AZ"), "FEF6");
    EXPECT_EQ(checksum("9900401.00AY1AZ"), "FCA5");
    EXPECT_EQ(checksum(""), "0000");
    EXPECT_EQ(checksum("\x01"), "FFFF");
}

TEST(ChecksumTest, Utf8CountsItsBytesAsUnsigned) {
    // "Кітап қайтарылды" is 31 bytes of UTF-8, most of them above 0x7F: summed as signed
    // chars they would give another number.
    EXPECT_EQ(checksum("101YUN20250901    081500AFКітап қайтарылды|AY1AZ"), "E314");
}

TEST(ChecksumTest, TheSumWrapsAtSixteenBits) {
    const std::string bytes(300, '\xFF');  // 300 * 255 = 0x12AD4
    EXPECT_EQ(checksum(bytes), "D52C");
}

TEST(ChecksumTest, DigitsMatchInEitherCaseAndOnlyWhenRight) {
    EXPECT_TRUE(checksum_matches("9900401.00AY1AZ", "FCA5"));
    EXPECT_TRUE(checksum_matches("9900401.00AY1AZ", "fca5"));
    EXPECT_TRUE(checksum_matches("9900401.00AY1AZ", "FcA5"));
    EXPECT_FALSE(checksum_matches("9900401.00AY1AZ", "FCA6"));
    EXPECT_FALSE(checksum_matches("9900401.00AY1AZ", "FCA"));
    EXPECT_FALSE(checksum_matches("9900401.00AY1AZ", "0FCA5"));
    EXPECT_FALSE(checksum_matches("9900401.00AY1AZ", "+CA5"));
    EXPECT_FALSE(checksum_matches("9900401.00AY1AZ", "FCAG"));
}

}  // namespace
}  // namespace kitap::sip2
