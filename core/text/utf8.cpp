#include "core/text/utf8.hpp"

#include <array>
#include <utility>

namespace kitap::core {
namespace {

// What a lead byte allows: the sequence length, the bits it contributes and the
// range of the second byte (narrowed to exclude overlongs, surrogates and > U+10FFFF).
struct SequenceShape {
    std::size_t length;
    unsigned char lead_bits;
    unsigned char second_min;
    unsigned char second_max;
};

std::optional<SequenceShape> shape_of(unsigned char lead) {
    if (lead >= 0xC2 && lead <= 0xDF) return SequenceShape{2, 0x1F, 0x80, 0xBF};
    if (lead == 0xE0) return SequenceShape{3, 0x0F, 0xA0, 0xBF};
    if (lead == 0xED) return SequenceShape{3, 0x0F, 0x80, 0x9F};
    if (lead >= 0xE1 && lead <= 0xEF) return SequenceShape{3, 0x0F, 0x80, 0xBF};
    if (lead == 0xF0) return SequenceShape{4, 0x07, 0x90, 0xBF};
    if (lead >= 0xF1 && lead <= 0xF3) return SequenceShape{4, 0x07, 0x80, 0xBF};
    if (lead == 0xF4) return SequenceShape{4, 0x07, 0x80, 0x8F};
    return std::nullopt;
}

struct CasePair {
    char32_t upper;
    char32_t lower;
};

// Letters outside the contiguous А-Я block: Ё and the Kazakh letters.
constexpr std::array<CasePair, 10> scattered_cyrillic_pairs{{
    {0x0401, 0x0451},  // Ё ё
    {0x0406, 0x0456},  // І і
    {0x0492, 0x0493},  // Ғ ғ
    {0x049A, 0x049B},  // Қ қ
    {0x04A2, 0x04A3},  // Ң ң
    {0x04AE, 0x04AF},  // Ү ү
    {0x04B0, 0x04B1},  // Ұ ұ
    {0x04BA, 0x04BB},  // Һ һ
    {0x04D8, 0x04D9},  // Ә ә
    {0x04E8, 0x04E9},  // Ө ө
}};

char32_t lower_of(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    if (c >= 0x0410 && c <= 0x042F) return c + 0x20;
    for (const auto& pair : scattered_cyrillic_pairs)
        if (c == pair.upper) return pair.lower;
    return c;
}

char32_t upper_of(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 0x20;
    if (c >= 0x0430 && c <= 0x044F) return c - 0x20;
    for (const auto& pair : scattered_cyrillic_pairs)
        if (c == pair.lower) return pair.upper;
    return c;
}

constexpr std::array<std::pair<char, char32_t>, 17> latin_lookalikes{{
    {'A', 0x0410},
    {'B', 0x0412},
    {'C', 0x0421},
    {'E', 0x0415},
    {'H', 0x041D},
    {'K', 0x041A},
    {'M', 0x041C},
    {'O', 0x041E},
    {'P', 0x0420},
    {'T', 0x0422},
    {'X', 0x0425},
    {'a', 0x0430},
    {'c', 0x0441},
    {'e', 0x0435},
    {'o', 0x043E},
    {'p', 0x0440},
    {'x', 0x0445},
}};

char32_t cyrillic_lookalike_of(char32_t c) {
    for (const auto& [latin, cyrillic] : latin_lookalikes)
        if (c == static_cast<char32_t>(latin)) return cyrillic;
    return c;
}

// Rewrites each code point through `mapping`; bytes that are not valid UTF-8 and
// code points the mapping keeps are copied byte for byte.
template <typename Mapping>
std::string map_code_points(std::string_view text, Mapping mapping) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const auto decoded = decode_code_point(text.substr(pos));
        if (!decoded) {
            out += text[pos++];
            continue;
        }
        const char32_t mapped = mapping(decoded->value);
        if (mapped == decoded->value)
            out.append(text.substr(pos, decoded->length));
        else
            append_utf8(out, mapped);
        pos += decoded->length;
    }
    return out;
}

constexpr std::string_view no_break_space = "\xC2\xA0";

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view trim_front(std::string_view text) {
    while (!text.empty()) {
        if (is_ascii_space(text.front()))
            text.remove_prefix(1);
        else if (text.starts_with(no_break_space))
            text.remove_prefix(no_break_space.size());
        else
            break;
    }
    return text;
}

// A trailing C2 A0 is always a whole no-break space: C2 can never be a continuation byte.
std::string_view trim_back(std::string_view text) {
    while (!text.empty()) {
        if (is_ascii_space(text.back()))
            text.remove_suffix(1);
        else if (text.ends_with(no_break_space))
            text.remove_suffix(no_break_space.size());
        else
            break;
    }
    return text;
}

}  // namespace

std::optional<DecodedCodePoint> decode_code_point(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const auto lead = static_cast<unsigned char>(text[0]);
    if (lead < 0x80) return DecodedCodePoint{lead, 1};
    const auto shape = shape_of(lead);
    if (!shape || text.size() < shape->length) return std::nullopt;
    char32_t value = lead & shape->lead_bits;
    for (std::size_t i = 1; i < shape->length; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const unsigned char min = i == 1 ? shape->second_min : 0x80;
        const unsigned char max = i == 1 ? shape->second_max : 0xBF;
        if (byte < min || byte > max) return std::nullopt;
        value = (value << 6) | (byte & 0x3F);
    }
    return DecodedCodePoint{value, shape->length};
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_valid_utf8(std::string_view text) {
    while (!text.empty()) {
        const auto decoded = decode_code_point(text);
        if (!decoded) return false;
        text.remove_prefix(decoded->length);
    }
    return true;
}

std::string fold_case(std::string_view utf8) { return map_code_points(trim_back(trim_front(utf8)), lower_of); }

std::string to_upper(std::string_view utf8) { return map_code_points(utf8, upper_of); }

std::string trim(std::string_view utf8) { return std::string(trim_back(trim_front(utf8))); }

std::string latin_lookalikes_to_cyrillic(std::string_view utf8) { return map_code_points(utf8, cyrillic_lookalike_of); }

}  // namespace kitap::core
