#include "core/codes/card_numbers.hpp"

#include "core/codes/check_digits.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <vector>

namespace kitap::core {
namespace {

// Draws these numbers in turn, then the last one for ever.
UniformDraw scripted(std::vector<std::uint32_t> draws) {
    return [draws, next = std::size_t{0}](std::uint32_t upper) mutable {
        const auto drawn = draws[std::min(next++, draws.size() - 1)];
        EXPECT_LT(drawn, upper);
        return drawn;
    };
}

const auto nothing_in_use = [](const std::string&) { return false; };

TEST(CardNumbers, EightDigitsFrom2000000xTo9999999xWithALuhnCheckDigit) {
    CardNumbers cards(scripted({0, 7'999'999, 1'234'567}), nothing_in_use);
    const std::string lowest = cards.next(), highest = cards.next(), middle = cards.next();
    EXPECT_EQ(lowest, std::string("2000000") + luhn_check_digit("2000000"));
    EXPECT_EQ(highest, std::string("9999999") + luhn_check_digit("9999999"));
    EXPECT_EQ(middle, std::string("3234567") + luhn_check_digit("3234567"));
    for (const auto& card : {lowest, highest, middle}) EXPECT_TRUE(luhn_valid(card)) << card;
}

TEST(CardNumbers, NeverANumberInUseNorOneGivenOutBefore) {
    const std::string taken = std::string("2000005") + luhn_check_digit("2000005");
    CardNumbers cards(scripted({5, 6, 6, 5, 7}), [&](const std::string& card) { return card == taken; });
    EXPECT_EQ(cards.next(), std::string("2000006") + luhn_check_digit("2000006"));  // 5 is someone's card
    EXPECT_EQ(cards.next(), std::string("2000007") + luhn_check_digit("2000007"));  // 6 again, then 5: both taken
}

TEST(CardNumbers, GivesUpRatherThanLoopingWhenEverythingIsTaken) {
    CardNumbers cards(scripted({42}), [](const std::string&) { return true; });
    EXPECT_THROW(cards.next(), std::runtime_error);
}

// The CSPRNG: a school's worth of cards that say nothing of each other.
TEST(CardNumbers, SecureDrawsAreUniqueAndNoSequence) {
    CardNumbers cards(secure_uniform_draw(), nothing_in_use);
    std::set<std::string> seen;
    std::string previous;
    int next_to_previous = 0;
    for (int i = 0; i < 2000; ++i) {
        const std::string card = cards.next();
        ASSERT_EQ(card.size(), 8u);
        EXPECT_TRUE(card.front() >= '2' && card.front() <= '9') << card;
        EXPECT_TRUE(luhn_valid(card)) << card;
        EXPECT_TRUE(seen.insert(card).second) << card;
        if (!previous.empty() && std::stoi(card.substr(0, 7)) - std::stoi(previous.substr(0, 7)) == 1)
            ++next_to_previous;
        previous = card;
    }
    EXPECT_LT(next_to_previous, 5);  // a sequence would give 1,999; chance gives about none
}

}  // namespace
}  // namespace kitap::core
