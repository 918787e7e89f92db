// The CSV layer under every import (RFC 4180 as Excel and LibreOffice write it),
// on decoded text: separators, quoting, line ends, empty lines.
#include "core/import/csv.hpp"
#include "tests/fuzz/support/fuzz_check.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kitap;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    const auto table = core::parse_csv(text);
    if (!table) {
        fuzz::require(table.error().line >= 1 && table.error().line <= lines, "an error is on a line of the text",
                      std::to_string(table.error().line));
        fuzz::require(!table.error().reason.empty(), "an error has a reason");
        return 0;
    }
    fuzz::require(table->separator == ',' || table->separator == ';' || table->separator == '\t',
                  "the separator is a comma, a semicolon or a tab");
    std::size_t previous_line = 0;
    for (const auto& record : table->records) {
        fuzz::require(record.line > previous_line && record.line <= lines, "records start on later lines of the text",
                      std::to_string(record.line));
        fuzz::require(!record.fields.empty(), "a record has a field");
        previous_line = record.line;
    }
    return 0;
}
