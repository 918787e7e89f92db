#include "core/import/text_decoding.hpp"

#include "core/text/utf8.hpp"

#include <array>

namespace kitap::core {
namespace {

using DecodeResult = tl::expected<DecodedText, std::vector<DecodeError>>;

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";
constexpr std::string_view utf16be_bom = "\xFE\xFF";
constexpr std::string_view invalid_utf8 = "invalid UTF-8 bytes";

// One error per line and reason: a line full of bad bytes is one thing to fix.
void add_error(std::vector<DecodeError>& errors, std::size_t line, std::string_view reason) {
    if (!errors.empty() && errors.back().line == line && errors.back().reason == reason) return;
    errors.push_back(DecodeError{line, std::string(reason)});
}

DecodeResult decoded_or_errors(std::string utf8, SourceEncoding encoding, std::vector<DecodeError> errors) {
    if (!errors.empty()) return tl::unexpected(std::move(errors));
    return DecodedText{std::move(utf8), encoding};
}

// A multi-byte sequence cannot contain LF (0x0A), so checking line by line finds
// exactly the invalid bytes of the whole text.
std::vector<DecodeError> invalid_utf8_lines(std::string_view text) {
    std::vector<DecodeError> errors;
    std::size_t line = 1;
    for (std::size_t start = 0; start <= text.size(); ++line) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (!is_valid_utf8(text.substr(start, end - start))) add_error(errors, line, invalid_utf8);
        start = end + 1;
    }
    return errors;
}

DecodeResult decode_utf8(std::string_view text, SourceEncoding encoding) {
    if (is_valid_utf8(text)) return DecodedText{std::string(text), encoding};
    return tl::unexpected(invalid_utf8_lines(text));
}

// Windows-1251 Cyrillic can form valid UTF-8 by accident: an upper-case letter
// before », Ё or І ("«АБАЙ ЖОЛЫ»", "СЕМЁНОВ") is a valid two-byte sequence. So one
// valid sequence proves nothing; text counts as UTF-8 with damage only when valid
// multi-byte sequences are at least as many as invalid bytes.
bool looks_mostly_utf8(std::string_view text) {
    std::size_t multi_byte = 0, invalid = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto decoded = decode_code_point(text.substr(pos));
        if (!decoded) {
            ++invalid;
            ++pos;
            continue;
        }
        if (decoded->length > 1) ++multi_byte;
        pos += decoded->length;
    }
    return multi_byte > 0 && multi_byte >= invalid;
}

// --- UTF-16 ---------------------------------------------------------------

enum class ByteOrder { little_endian, big_endian };

bool is_high_surrogate(char16_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool is_low_surrogate(char16_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

char32_t join_surrogates(char16_t high, char16_t low) {
    return 0x10000 + ((static_cast<char32_t>(high) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
}

class Utf16Decoder {
public:
    Utf16Decoder(std::string_view bytes, ByteOrder order) : bytes_(bytes), order_(order) {}

    DecodeResult decode(SourceEncoding encoding) {
        while (index_ < unit_count()) decode_next();
        if (bytes_.size() % 2 != 0) add_error(errors_, line_, "odd number of bytes: the UTF-16 text is cut short");
        return decoded_or_errors(std::move(out_), encoding, std::move(errors_));
    }

private:
    std::size_t unit_count() const { return bytes_.size() / 2; }

    char16_t unit_at(std::size_t index) const {
        const auto first = static_cast<unsigned char>(bytes_[2 * index]);
        const auto second = static_cast<unsigned char>(bytes_[2 * index + 1]);
        const bool little = order_ == ByteOrder::little_endian;
        return static_cast<char16_t>(little ? (second << 8) | first : (first << 8) | second);
    }

    // Called with `index_` already past the high surrogate.
    bool low_surrogate_follows() const { return index_ < unit_count() && is_low_surrogate(unit_at(index_)); }

    void decode_next() {
        const char16_t unit = unit_at(index_++);
        if (is_high_surrogate(unit) && low_surrogate_follows()) {
            append_utf8(out_, join_surrogates(unit, unit_at(index_++)));
        } else if (is_high_surrogate(unit) || is_low_surrogate(unit)) {
            add_error(errors_, line_, "unpaired UTF-16 surrogate");
        } else {
            append_utf8(out_, unit);
            if (unit == u'\n') ++line_;
        }
    }

    std::string_view bytes_;
    ByteOrder order_;
    std::size_t index_ = 0;
    std::size_t line_ = 1;
    std::string out_;
    std::vector<DecodeError> errors_;
};

// --- Windows-1251 -----------------------------------------------------------

constexpr unsigned char undefined_windows1251_byte = 0x98;

// 0x80-0xBF; 0xC0-0xFF are А-я in order. 0x98 is undefined and never looked up.
constexpr std::array<char16_t, 64> windows1251_high_half{
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,  // 88-8F
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,  // 98-9F
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,  // A0-A7
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,  // A8-AF
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,  // B0-B7
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,  // B8-BF
};

char32_t windows1251_to_unicode(unsigned char byte) {
    if (byte < 0x80) return byte;
    if (byte >= 0xC0) return 0x0410 + (byte - 0xC0);
    return windows1251_high_half[byte - 0x80];
}

DecodeResult decode_windows1251(std::string_view bytes) {
    std::string out;
    std::vector<DecodeError> errors;
    std::size_t line = 1;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == undefined_windows1251_byte)
            add_error(errors, line, "byte 0x98 is not Windows-1251");
        else
            append_utf8(out, windows1251_to_unicode(byte));
        if (byte == '\n') ++line;
    }
    return decoded_or_errors(std::move(out), SourceEncoding::windows1251, std::move(errors));
}

DecodeResult decode_without_bom(std::string_view bytes) {
    if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), SourceEncoding::utf8};
    if (looks_mostly_utf8(bytes)) return tl::unexpected(invalid_utf8_lines(bytes));
    return decode_windows1251(bytes);
}

}  // namespace

std::string_view encoding_name(SourceEncoding encoding) {
    switch (encoding) {
        case SourceEncoding::utf8:
            return "UTF-8";
        case SourceEncoding::utf8_bom:
            return "UTF-8 with BOM";
        case SourceEncoding::utf16le:
            return "UTF-16LE";
        case SourceEncoding::utf16be:
            return "UTF-16BE";
        case SourceEncoding::windows1251:
            return "Windows-1251";
    }
    return "unknown";
}

DecodeResult decode_to_utf8(std::string_view bytes) {
    if (bytes.starts_with(utf8_bom)) return decode_utf8(bytes.substr(utf8_bom.size()), SourceEncoding::utf8_bom);
    if (bytes.starts_with(utf16le_bom))
        return Utf16Decoder(bytes.substr(2), ByteOrder::little_endian).decode(SourceEncoding::utf16le);
    if (bytes.starts_with(utf16be_bom))
        return Utf16Decoder(bytes.substr(2), ByteOrder::big_endian).decode(SourceEncoding::utf16be);
    return decode_without_bom(bytes);
}

}  // namespace kitap::core
