#pragma once

#include <optional>
#include <string>
#include <string_view>

// How a spreadsheet's typed cells become the text a CSV export of them would hold.
namespace kitap::workbook {

// "2.0000014E7" -> "20000014", "1500.5" -> "1500.5": whole numbers without exponent
// or point (a card number reads as typed), others in their shortest form. Nullopt
// for what is not a number.
std::optional<std::string> number_text(std::string_view stored);

// An Excel serial day (days since 1899-12-30, Lotus's 1900 leap day kept; or since
// 1904-01-01) as "2015-03-12", with " 10:30" when it has a time of day.
std::optional<std::string> serial_date_text(double serial, bool epoch_1904);

// Whether a number format shows a date or time: the built-in ids 14-22 and 45-47,
// or a format code with d, m, y, h or s outside quotes and brackets ("dd.mm.yyyy").
bool is_date_format(int id, std::string_view code);

// "2015-03-12T10:30:00" (OpenDocument) -> "2015-03-12 10:30"; "2015-03-12" as is.
std::string iso_date_text(std::string_view stored);

}  // namespace kitap::workbook
