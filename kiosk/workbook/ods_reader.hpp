#pragma once

#include "kiosk/workbook/sheet_builder.hpp"
#include "kiosk/workbook/zip_archive.hpp"

namespace kitap::workbook {

// OpenDocument spreadsheets (.ods): content.xml's tables in order; a cell's
// office:value for numbers, office:date-value for dates, its paragraphs for text.
// Repeated rows and columns are expanded only where they hold something (files
// end with a million repeated empty rows). Throws WorkbookFailure.
void read_ods(ZipArchive& archive, SheetBuilder& sheets, const WorkbookLimits& limits);

}  // namespace kitap::workbook
