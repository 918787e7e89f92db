// .ods as `kitap import` reads it. An input starting with 'P' is the file's bytes;
// any other is the contents of content.xml's <office:spreadsheet>, zipped as an
// OpenDocument spreadsheet, so that mutations reach the XML reader (repeated
// rows and columns, value types, paragraphs, annotations).
#include "kiosk/workbook/support/handmade_workbooks.hpp"
#include "tests/fuzz/support/workbook_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (input.starts_with('P')) {
        kitap::fuzz::check_workbook(input);
        return 0;
    }
    kitap::fuzz::check_workbook(kitap::testing::handmade_ods(std::string(input)));
    return 0;
}
