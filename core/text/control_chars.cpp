#include "core/text/control_chars.hpp"

#include "core/text/utf8.hpp"

#include <cstdio>

namespace kitap::core {
namespace {

bool is_layout_whitespace(char32_t code_point) {
    return code_point == U'\t' || code_point == U'\n' || code_point == U'\r';
}

std::string hex_escape(const char* format, unsigned value) {
    char text[16];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

}  // namespace

bool is_control_character(char32_t code_point) {
    if (code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F)) return true;
    return (code_point >= 0x202A && code_point <= 0x202E) || (code_point >= 0x2066 && code_point <= 0x2069);
}

std::optional<ControlCharacter> first_control_character(std::string_view utf8) {
    for (std::size_t offset = 0; offset < utf8.size();) {
        const auto decoded = decode_code_point(utf8.substr(offset));
        if (!decoded) {
            ++offset;
            continue;
        }
        if (is_control_character(decoded->value) && !is_layout_whitespace(decoded->value))
            return ControlCharacter{decoded->value, offset};
        offset += decoded->length;
    }
    return std::nullopt;
}

std::string code_point_name(char32_t code_point) { return hex_escape("U+%04X", static_cast<unsigned>(code_point)); }

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t offset = 0; offset < text.size();) {
        const auto decoded = decode_code_point(text.substr(offset));
        if (!decoded) {
            out += hex_escape("\\x%02x", static_cast<unsigned char>(text[offset]));
            ++offset;
            continue;
        }
        if (is_control_character(decoded->value))
            out += hex_escape("\\u%04x", static_cast<unsigned>(decoded->value));
        else
            out += text.substr(offset, decoded->length);
        offset += decoded->length;
    }
    return out;
}

}  // namespace kitap::core
