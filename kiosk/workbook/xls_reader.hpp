#pragma once

#include "kiosk/workbook/sheet_builder.hpp"

#include <string_view>

namespace kitap::workbook {

// Excel 97-2003 (.xls, BIFF) through Debian's freexl, run in a child process forked
// or spawned as `xls_child` says (freexl is not safe on hostile files): every
// worksheet in order; numbers as number_text, freexl's date types as dates. A
// password-protected workbook is refused as encrypted. Throws WorkbookFailure.
void read_xls(std::string_view bytes, SheetBuilder& sheets, const WorkbookLimits& limits, const XlsChild& xls_child);

}  // namespace kitap::workbook
