#include "core/codes/check_digits.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace kitap::core {
namespace {

TEST(NormalizeIsbn, Isbn13WithOrWithoutHyphensAndSpaces) {
    EXPECT_EQ(normalize_isbn("9780306406157"), "9780306406157");
    EXPECT_EQ(normalize_isbn("978-0-306-40615-7"), "9780306406157");
    EXPECT_EQ(normalize_isbn(" 978 0 306 40615 7 "), "9780306406157");
    EXPECT_EQ(normalize_isbn("978-601-7021-23-8"), "9786017021238");  // Kazakhstan group 601
    EXPECT_EQ(normalize_isbn("979-10-90636-07-1"), "9791090636071");
}

TEST(NormalizeIsbn, Isbn10BecomesIsbn13WithANewCheckDigit) {
    EXPECT_EQ(normalize_isbn("0-306-40615-2"), "9780306406157");
    EXPECT_EQ(normalize_isbn("0306406152"), "9780306406157");
    EXPECT_EQ(normalize_isbn("0-8044-2957-X"), "9780804429573");
    EXPECT_EQ(normalize_isbn("0 8044 2957 x"), "9780804429573");
}

TEST(NormalizeIsbn, RejectsWrongCheckDigits) {
    EXPECT_EQ(normalize_isbn("978-0-306-40615-8"), std::nullopt);
    EXPECT_EQ(normalize_isbn("978-601-7021-23-9"), std::nullopt);
    EXPECT_EQ(normalize_isbn("0-306-40615-3"), std::nullopt);
    EXPECT_EQ(normalize_isbn("0-306-40615-X"), std::nullopt);
    EXPECT_EQ(normalize_isbn("0-306-46015-2"), std::nullopt);  // two digits swapped
}

TEST(NormalizeIsbn, RejectsWhatIsNotAnIsbn) {
    EXPECT_EQ(normalize_isbn(""), std::nullopt);
    EXPECT_EQ(normalize_isbn("Абай жолы"), std::nullopt);
    EXPECT_EQ(normalize_isbn("4600000000008"), std::nullopt);   // a valid EAN-13, but not a book
    EXPECT_EQ(normalize_isbn("978030640615"), std::nullopt);    // twelve digits
    EXPECT_EQ(normalize_isbn("97803064061570"), std::nullopt);  // fourteen digits
    EXPECT_EQ(normalize_isbn("978030640615X"), std::nullopt);   // X only ends an ISBN-10
    EXPECT_EQ(normalize_isbn("X306406152"), std::nullopt);
    EXPECT_EQ(normalize_isbn("ISBN 978-0-306-40615-7"), std::nullopt);
    EXPECT_EQ(normalize_isbn("978.0.306.40615.7"), std::nullopt);
}

TEST(IsIsbn13, WantsThirteenBareDigitsWithBooklandPrefix) {
    EXPECT_TRUE(is_isbn13("9780306406157"));
    EXPECT_TRUE(is_isbn13("9791090636071"));
    EXPECT_FALSE(is_isbn13("978-0-306-40615-7"));
    EXPECT_FALSE(is_isbn13("9780306406158"));
    EXPECT_FALSE(is_isbn13("4600000000008"));
    EXPECT_FALSE(is_isbn13(""));
}

TEST(Ean13CheckDigit, ComputesAndRefusesBadInput) {
    EXPECT_EQ(ean13_check_digit("978030640615"), '7');
    EXPECT_EQ(ean13_check_digit("978601702123"), '8');
    EXPECT_EQ(ean13_check_digit("460000000000"), '8');
    EXPECT_EQ(ean13_check_digit("97803064061"), '\0');
    EXPECT_EQ(ean13_check_digit("97803064061X"), '\0');
}

TEST(Luhn, KnownCheckDigits) {
    EXPECT_EQ(luhn_check_digit("7992739871"), '3');
    EXPECT_EQ(luhn_check_digit("0"), '0');
    EXPECT_EQ(luhn_check_digit("1"), '8');
    EXPECT_EQ(luhn_check_digit("2026000001"), '1');
    EXPECT_TRUE(luhn_valid("79927398713"));
    EXPECT_TRUE(luhn_valid("20260000011"));
}

TEST(Luhn, RefusesBadInput) {
    EXPECT_EQ(luhn_check_digit(""), '\0');
    EXPECT_EQ(luhn_check_digit("12a4"), '\0');
    EXPECT_FALSE(luhn_valid(""));
    EXPECT_FALSE(luhn_valid("0"));  // no payload
    EXPECT_FALSE(luhn_valid("7992739871X"));
    EXPECT_FALSE(luhn_valid("79927-398713"));
}

TEST(Luhn, CatchesEverySingleMistypedDigit) {
    const std::string card = "20260000011";
    ASSERT_TRUE(luhn_valid(card));
    for (std::size_t i = 0; i < card.size(); ++i) {
        for (char typed = '0'; typed <= '9'; ++typed) {
            if (typed == card[i]) continue;
            std::string mistyped = card;
            mistyped[i] = typed;
            EXPECT_FALSE(luhn_valid(mistyped)) << mistyped;
        }
    }
}

TEST(Luhn, CatchesSwappedNeighbours) {
    std::string card = "79927398713";
    std::swap(card[2], card[3]);  // 9 and 2
    EXPECT_FALSE(luhn_valid(card));
}

}  // namespace
}  // namespace kitap::core
