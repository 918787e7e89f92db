#pragma once

#include "kiosk/workbook/sheet_builder.hpp"
#include "kiosk/workbook/zip_archive.hpp"

namespace kitap::workbook {

// Office Open XML (.xlsx): the workbook's sheets in order, shared and inline
// strings, numbers, dates (by the cell's number format; 1900 or 1904 epoch),
// booleans. Throws WorkbookFailure.
void read_xlsx(ZipArchive& archive, SheetBuilder& sheets, const WorkbookLimits& limits);

}  // namespace kitap::workbook
