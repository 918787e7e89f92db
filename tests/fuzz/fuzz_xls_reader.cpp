// .xls as `kitap import` reads it (through freexl): any bytes as the file; the
// seed corpus is an .xls from xlwt, so mutations start from a real BIFF8 workbook.
#include "tests/fuzz/support/workbook_check.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // Only OLE2 files reach freexl; the rest would test the zip path again.
    if (input.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) kitap::fuzz::check_workbook(input);
    return 0;
}
