// Whatever a scanner, a camera or a person sends to a station, through
// classify_code against the sample library and fuzzed [codes] rules.
//
// Input: four lines, then the scanned text (any bytes, line ends included):
//   command prefix
//   strip prefixes, tab-separated
//   strip suffixes, tab-separated
//   '1' to strip leading zeros
#include "core/circulation/library_store.hpp"
#include "core/codes/check_digits.hpp"
#include "core/codes/code_classifier.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"
#include "tests/fuzz/support/sample_library.hpp"

#include <cstddef>
#include <cstdint>

namespace {

using namespace kitap;

class InputLines {
public:
    explicit InputLines(std::string_view input) : rest_(input) {}

    std::string_view next() {
        const auto end = rest_.find('\n');
        const auto line = rest_.substr(0, end);
        rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
        return line;
    }

    std::string_view rest() const { return rest_; }

private:
    std::string_view rest_;
};

std::vector<std::string> tab_separated(std::string_view line) {
    std::vector<std::string> parts;
    while (!line.empty()) {
        const auto end = line.find('\t');
        parts.emplace_back(line.substr(0, end));
        line.remove_prefix(end == std::string_view::npos ? line.size() : end + 1);
    }
    return parts;
}

bool is_noise(char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; }

std::string without_leading_zeros(const std::string& code) {
    const auto first = code.find_first_not_of('0');
    return first == std::string::npos ? "0" : code.substr(first);
}

void check_code(const core::ClassifiedCode& result, std::string_view raw, const core::CodeRules& rules) {
    const auto cleaned = core::clean_scanned_text(raw, rules);
    fuzz::require(cleaned.empty() || (!is_noise(cleaned.front()) && !is_noise(cleaned.back())),
                  "a cleaned code has no whitespace or control characters at its ends");
    fuzz::require(result.code == cleaned || (rules.strip_leading_zeros && result.kind != core::CodeKind::command &&
                                             result.code == without_leading_zeros(cleaned)),
                  "the code is the cleaned text (or, when so configured, without its leading zeros)");
}

void check_kind(const core::ClassifiedCode& result, const core::CodeRules& rules) {
    using core::CodeKind;
    const bool reader = result.kind == CodeKind::reader, copy = result.kind == CodeKind::copy,
               command = result.kind == CodeKind::command, title = result.kind == CodeKind::title;
    fuzz::require(result.reader.has_value() == reader && (!reader || result.reader->card == result.code),
                  "a reader code is that reader's card");
    fuzz::require(result.copy.has_value() == copy && (!copy || result.copy->barcode == result.code),
                  "a copy code is that copy's barcode");
    fuzz::require(result.command.has_value() == command &&
                      (!command || core::command_code(*result.command, rules) == result.code),
                  "a command code is that command's barcode");
    fuzz::require(result.isbn.has_value() == title && (!title || core::is_isbn13(*result.isbn)),
                  "a title code carries a valid ISBN-13");
    fuzz::require(!result.title || (title && result.title->isbn == result.isbn), "a catalogued title has that ISBN");
    fuzz::require(!result.code.empty() || result.kind == CodeKind::unknown, "an empty code is unknown");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static core::LibraryStore store(fuzz::sample_library().db());
    InputLines input({reinterpret_cast<const char*>(data), size});
    core::CodeRules rules;
    rules.command_prefix = input.next();
    rules.strip_prefixes = tab_separated(input.next());
    rules.strip_suffixes = tab_separated(input.next());
    rules.strip_leading_zeros = input.next().starts_with('1');
    const auto raw = input.rest();
    const auto result = core::classify_code(raw, rules, store);
    check_code(result, raw, rules);
    check_kind(result, rules);
    return 0;
}
