#include "core/codes/check_digits.hpp"

#include <algorithm>

namespace kitap::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
int digit_value(char c) { return c - '0'; }
char digit_char(int value) { return static_cast<char>('0' + value); }

// Hyphens and spaces only group the digits, as printed on the back cover.
std::string without_separators(std::string_view text) {
    std::string kept;
    for (const char c : text)
        if (c != '-' && c != ' ') kept += c;
    return kept;
}

// ISBN-10: nine digits and a check character ('X' stands for 10) such that the
// sum of the values weighted 10, 9, ..., 1 is divisible by 11.
bool is_isbn10(std::string_view chars) {
    if (chars.size() != 10 || !all_digits(chars.substr(0, 9))) return false;
    const char check = chars[9];
    if (!is_digit(check) && check != 'X' && check != 'x') return false;
    int sum = is_digit(check) ? digit_value(check) : 10;
    for (std::size_t i = 0; i < 9; ++i) sum += digit_value(chars[i]) * static_cast<int>(10 - i);
    return sum % 11 == 0;
}

std::string isbn10_to_isbn13(std::string_view isbn10) {
    std::string digits = "978" + std::string(isbn10.substr(0, 9));
    digits += ean13_check_digit(digits);
    return digits;
}

}  // namespace

bool all_digits(std::string_view text) { return std::all_of(text.begin(), text.end(), is_digit); }

std::optional<std::string> normalize_isbn(std::string_view text) {
    const std::string chars = without_separators(text);
    if (is_isbn13(chars)) return chars;
    if (is_isbn10(chars)) return isbn10_to_isbn13(chars);
    return std::nullopt;
}

bool is_isbn13(std::string_view digits) {
    if (digits.size() != 13 || !all_digits(digits)) return false;
    if (!digits.starts_with("978") && !digits.starts_with("979")) return false;
    return digits[12] == ean13_check_digit(digits.substr(0, 12));
}

// Weights 1, 3, 1, 3, ... from the left; the check digit tops the sum up to a multiple of 10.
char ean13_check_digit(std::string_view twelve_digits) {
    if (twelve_digits.size() != 12 || !all_digits(twelve_digits)) return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) sum += digit_value(twelve_digits[i]) * (i % 2 == 0 ? 1 : 3);
    return digit_char((10 - sum % 10) % 10);
}

// Doubles every second digit counting from the right of the payload, starting with
// the rightmost one (the digit next to where the check digit goes).
char luhn_check_digit(std::string_view digits) {
    if (digits.empty() || !all_digits(digits)) return '\0';
    int sum = 0;
    bool doubled = true;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it, doubled = !doubled) {
        const int value = digit_value(*it) * (doubled ? 2 : 1);
        sum += value > 9 ? value - 9 : value;
    }
    return digit_char((10 - sum % 10) % 10);
}

bool luhn_valid(std::string_view digits_with_check) {
    if (digits_with_check.size() < 2) return false;
    const auto payload = digits_with_check.substr(0, digits_with_check.size() - 1);
    const char check = luhn_check_digit(payload);
    return check != '\0' && digits_with_check.back() == check;
}

}  // namespace kitap::core
