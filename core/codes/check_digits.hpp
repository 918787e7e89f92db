#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// Only ASCII digits (what a keypad or a barcode gives; not other scripts' digits).
// True for the empty text.
bool all_digits(std::string_view text);

// Accepts an ISBN-13 (978/979) or an ISBN-10 (last character may be X or x),
// with or without hyphens and spaces, and checks its check digit. Returns the 13
// digits, an ISBN-10 turned into its 978 ISBN-13 with the check digit recomputed;
// nullopt when the text is not a valid ISBN.
std::optional<std::string> normalize_isbn(std::string_view text);

// Thirteen digits with the 978/979 "Bookland" prefix and a valid EAN-13 check digit.
bool is_isbn13(std::string_view digits);

// The EAN-13 check digit ('0'-'9') of twelve digits; '\0' when the input is not
// twelve ASCII digits, which never compares equal to a digit.
char ean13_check_digit(std::string_view twelve_digits);

// Luhn check digit for reader cards and inventory numbers: it catches any single
// mistyped digit and most swaps of neighbours. '\0' when the input is empty or
// holds anything but ASCII digits.
char luhn_check_digit(std::string_view digits);

// True when the last digit is the Luhn check digit of the ones before it
// (at least one digit before it).
bool luhn_valid(std::string_view digits_with_check);

}  // namespace kitap::core
