#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

struct DecodedCodePoint {
    char32_t value;
    std::size_t length;  // bytes the sequence took
};

// The code point at the start of `text`; nullopt when `text` is empty or starts
// with bytes that are not a complete, strictly valid UTF-8 sequence.
std::optional<DecodedCodePoint> decode_code_point(std::string_view text);

// Appends `code_point` as UTF-8; the caller passes a Unicode scalar value.
void append_utf8(std::string& out, char32_t code_point);

// Lower case for ASCII, Russian Cyrillic and the Kazakh letters, with surrounding
// whitespace trimmed: "  Аты-ЖӨНІ " and "аты-жөні" match as column headers.
// Other characters and invalid bytes pass through unchanged.
std::string fold_case(std::string_view utf8);

// Upper case for the same letters as fold_case; does not trim.
std::string to_upper(std::string_view utf8);

// Removes ASCII whitespace and U+00A0 no-break space (which Excel exports leave
// in cells) from both ends.
std::string trim(std::string_view utf8);

// Replaces each Latin letter that looks like a Cyrillic one (A B C E H K M O P T X,
// a c e o p x) by that Cyrillic letter, so a class typed on a Latin keyboard as
// "5A" becomes "5А". Everything else is kept.
std::string latin_lookalikes_to_cyrillic(std::string_view utf8);

}  // namespace kitap::core
