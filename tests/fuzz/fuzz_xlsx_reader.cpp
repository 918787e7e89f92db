// .xlsx as `kitap import` reads it. An input starting with 'P' is the file's bytes
// (zip structure, sizes, encryption); any other is split at NUL bytes into a
// worksheet, shared strings and styles, zipped as a workbook, so that mutations
// reach the XML readers (cell references, types, dates, repeats, entities).
#include "kiosk/workbook/support/handmade_workbooks.hpp"
#include "tests/fuzz/support/workbook_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (input.starts_with('P')) {
        kitap::fuzz::check_workbook(input);
        return 0;
    }
    std::vector<std::string> parts(3);
    std::size_t part = 0;
    for (const char c : input) {
        if (c == '\0' && part < 2)
            ++part;
        else
            parts[part] += c;
    }
    kitap::fuzz::check_workbook(kitap::testing::handmade_xlsx({{"Лист1", parts[0]}}, parts[1], parts[2]));
    return 0;
}
