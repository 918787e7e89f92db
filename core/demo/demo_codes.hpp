#pragma once

#include "core/demo/demo_random.hpp"

#include <string>
#include <string_view>
#include <unordered_set>

namespace kitap::core::demo {

// Eight-digit inventory numbers the library prints: `kind` ('1' for copies), the
// six-digit sequence number from 000001, and a Luhn check digit. (Reader cards are
// random instead: core/codes/card_numbers.hpp.)
std::string numbered_label(char kind, int sequence);

// ISBN-13s with a given prefix (978601 for Kazakh publishers) and random digits up to
// the check digit, never the same twice.
class IsbnMaker {
public:
    std::string make(std::string_view prefix, DemoRandom& random);

private:
    std::unordered_set<std::string> issued_;
};

}  // namespace kitap::core::demo
