#include "core/demo/demo_codes.hpp"

#include "core/codes/check_digits.hpp"

#include <cstdio>

namespace kitap::core::demo {

std::string numbered_label(char kind, int sequence) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%c%06d", kind, sequence);
    std::string label(digits);
    label += luhn_check_digit(label);
    return label;
}

std::string IsbnMaker::make(std::string_view prefix, DemoRandom& random) {
    while (true) {
        std::string isbn(prefix);
        while (isbn.size() < 12) isbn += static_cast<char>('0' + random.between(0, 9));
        isbn += ean13_check_digit(isbn);
        if (issued_.insert(isbn).second) return isbn;
    }
}

}  // namespace kitap::core::demo
