// What an office's export is before it is CSV: UTF-8 with or without BOM,
// UTF-16 with BOM, or Windows-1251, told apart by decode_to_utf8.
#include "core/import/text_decoding.hpp"
#include "core/text/utf8.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <utility>

namespace {

using namespace kitap;

std::size_t line_feeds(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

void check_decoded(std::string_view bytes, const core::DecodedText& decoded) {
    fuzz::require(core::is_valid_utf8(decoded.utf8), "decoded text is valid UTF-8");
    // UTF-16 line feeds hold a 0x0A byte too: no encoding makes lines.
    fuzz::require(line_feeds(decoded.utf8) <= line_feeds(bytes), "decoding adds no lines");
    const auto expected_text = [&]() -> std::optional<std::string_view> {
        if (decoded.encoding == core::SourceEncoding::utf8) return bytes;
        if (decoded.encoding == core::SourceEncoding::utf8_bom) return bytes.substr(3);
        return std::nullopt;
    }();
    fuzz::require(!expected_text || decoded.utf8 == *expected_text, "UTF-8 comes through unchanged");
    const bool utf16_bom = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
    const bool utf16 =
        decoded.encoding == core::SourceEncoding::utf16le || decoded.encoding == core::SourceEncoding::utf16be;
    fuzz::require(utf16 == utf16_bom, "UTF-16 exactly when a UTF-16 BOM starts the file");
    const bool utf8_bom = bytes.starts_with("\xEF\xBB\xBF");
    fuzz::require((decoded.encoding == core::SourceEncoding::utf8_bom) == utf8_bom, "a UTF-8 BOM is seen");
    if (!utf16_bom && !utf8_bom && core::is_valid_utf8(bytes))
        fuzz::require(decoded.encoding == core::SourceEncoding::utf8, "valid UTF-8 is never taken as Windows-1251");
}

void check_errors(std::string_view bytes, const std::vector<core::DecodeError>& errors) {
    fuzz::require(!errors.empty(), "a refused file has errors");
    std::set<std::pair<std::size_t, std::string>> seen;
    for (const auto& error : errors) {
        fuzz::require(error.line >= 1 && error.line <= line_feeds(bytes) + 1, "an error is on a line of the file",
                      std::to_string(error.line));
        fuzz::require(!error.reason.empty(), "an error has a reason");
        fuzz::require(seen.emplace(error.line, error.reason).second, "one error per line and reason");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto decoded = core::decode_to_utf8(bytes);
    if (decoded)
        check_decoded(bytes, *decoded);
    else
        check_errors(bytes, decoded.error());
    return 0;
}
