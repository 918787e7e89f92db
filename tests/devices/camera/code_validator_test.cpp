#include "devices/camera/code_validator.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

CodeValidator make(ValidationRules rules = {}) {
    auto validator = CodeValidator::make(std::move(rules));
    EXPECT_TRUE(validator);
    return std::move(*validator);
}

TEST(CodeValidator, AcceptsIsbnsAndDropsPriceCodes) {
    const auto validator = make();
    EXPECT_TRUE(validator.check(Symbology::ean13, "9786010000018").valid);
    EXPECT_TRUE(validator.check(Symbology::ean13, "9791032305690").valid);
    const auto price = validator.check(Symbology::ean13, "4600000000008");
    EXPECT_FALSE(price.valid);
    EXPECT_EQ(price.reason, "not an ISBN (prefix 460)");
    EXPECT_EQ(validator.check(Symbology::ean13, "9786010000019").reason, "bad EAN-13 check digit");
    EXPECT_FALSE(validator.check(Symbology::ean13, "978601000001").valid);
}

TEST(CodeValidator, AcceptsAnyEan13WhenTheLibraryWantsThem) {
    const auto validator = make({.ean13_isbn_only = false});
    EXPECT_TRUE(validator.check(Symbology::ean13, "4600000000008").valid);
    EXPECT_FALSE(validator.check(Symbology::ean13, "4600000000009").valid);
}

TEST(CodeValidator, ChecksCodabarStartStopCharactersAndLength) {
    const auto validator = make({.codabar_min_length = 8, .codabar_max_length = 8});
    const auto good = validator.check(Symbology::codabar, "A12345678B");
    EXPECT_TRUE(good.valid);
    EXPECT_EQ(good.text, "12345678");
    EXPECT_EQ(validator.check(Symbology::codabar, "12345678").reason, "no Codabar start/stop characters");
    EXPECT_EQ(validator.check(Symbology::codabar, "A1234567B").reason, "Codabar length 7 outside 8..8");
    EXPECT_EQ(validator.check(Symbology::codabar, "A1234X678B").reason, "bad Codabar character");
}

TEST(CodeValidator, KeepsCodabarStartStopWhenAsked) {
    const auto validator = make({.codabar_keep_start_stop = true});
    EXPECT_EQ(validator.check(Symbology::codabar, "C40156789D").text, "C40156789D");
}

TEST(CodeValidator, WantsItfToBeEvenAndLongEnough) {
    const auto validator = make();
    EXPECT_TRUE(validator.check(Symbology::itf, "12345678").valid);
    EXPECT_FALSE(validator.check(Symbology::itf, "1234567").valid);
    EXPECT_FALSE(validator.check(Symbology::itf, "1234").valid);
}

TEST(CodeValidator, AppliesThePatternOfTheSymbology) {
    const auto validator = make({.patterns = {{Symbology::code128, "KTP-[0-9]{5}"}}});
    EXPECT_TRUE(validator.check(Symbology::code128, "KTP-00017").valid);
    EXPECT_EQ(validator.check(Symbology::code128, "KTP-0017").reason, "does not match the code128 pattern");
    EXPECT_TRUE(validator.check(Symbology::qr, "anything").valid);
}

TEST(CodeValidator, RefusesEmptyTextAndControlCharactersButKeepsGs1Separators) {
    const auto validator = make();
    EXPECT_FALSE(validator.check(Symbology::code128, "").valid);
    EXPECT_FALSE(validator.check(Symbology::qr, "a\nb").valid);
    EXPECT_TRUE(validator
                    .check(Symbology::code128,
                           "01\x1d"
                           "10")
                    .valid);
}

TEST(CodeValidator, ReportsABadPatternAsAnError) {
    const auto validator = CodeValidator::make({.patterns = {{Symbology::code128, "KTP-[0-9"}}});
    ASSERT_FALSE(validator);
    EXPECT_EQ(validator.error().subject, "patterns.code128");
    EXPECT_NE(validator.error().reason.find("not a regular expression"), std::string::npos);
}

TEST(CodeValidator, KnowsTheEan13CheckDigit) {
    EXPECT_TRUE(ean13_check_digit_ok("4006381333931"));
    EXPECT_FALSE(ean13_check_digit_ok("4006381333932"));
    EXPECT_FALSE(ean13_check_digit_ok("400638133393"));
    EXPECT_FALSE(ean13_check_digit_ok("400638133393X"));
}

}  // namespace
}  // namespace kitap::devices
