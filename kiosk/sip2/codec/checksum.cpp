#include "kiosk/sip2/codec/checksum.hpp"

#include <cstdint>

namespace kitap::sip2 {
namespace {

// ASCII only: <cctype>'s answers depend on the locale, the wire's do not.
char upper_hex_digit(char c) {
    if (c >= '0' && c <= '9') return c;
    if (c >= 'A' && c <= 'F') return c;
    if (c >= 'a' && c <= 'f') return static_cast<char>(c - 'a' + 'A');
    return '\0';
}

}  // namespace

std::string checksum(std::string_view bytes_through_az) {
    std::uint16_t sum = 0;
    for (const char byte : bytes_through_az) sum = static_cast<std::uint16_t>(sum + static_cast<unsigned char>(byte));
    const auto value = static_cast<std::uint16_t>(-sum);
    constexpr std::string_view hex = "0123456789ABCDEF";
    return {hex[value >> 12], hex[(value >> 8) & 0xF], hex[(value >> 4) & 0xF], hex[value & 0xF]};
}

bool checksum_matches(std::string_view bytes_through_az, std::string_view digits) {
    if (digits.size() != 4) return false;
    std::string upper;
    for (const char digit : digits) {
        const char normalised = upper_hex_digit(digit);
        if (normalised == '\0') return false;
        upper += normalised;
    }
    return upper == checksum(bytes_through_az);
}

}  // namespace kitap::sip2
