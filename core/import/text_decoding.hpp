#pragma once

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

enum class SourceEncoding { utf8, utf8_bom, utf16le, utf16be, windows1251 };

// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1251".
std::string_view encoding_name(SourceEncoding encoding);

struct DecodeError {
    std::size_t line;  // 1-based line of the file, counting LF
    std::string reason;
};

struct DecodedText {
    std::string utf8;  // line ends (CRLF or LF) as they were in the file
    SourceEncoding encoding;
};

// Turns the bytes of a file exported by a school office into UTF-8:
// - a UTF-8 BOM is stripped and the rest must be valid UTF-8;
// - a UTF-16LE/BE BOM selects UTF-16 (surrogate pairs joined);
// - without a BOM, valid UTF-8 is taken as is; text that is mostly UTF-8 but has
//   corrupted lines is refused line by line; anything else is Windows-1251,
//   which Russian Excel writes for "CSV".
// Every faulty line is reported (at most one error per line and reason), so the
// office can fix the file in one go.
tl::expected<DecodedText, std::vector<DecodeError>> decode_to_utf8(std::string_view bytes);

}  // namespace kitap::core
