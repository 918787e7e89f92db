#pragma once

#include "kiosk/print/print_error.hpp"
#include "kiosk/print/report_document.hpp"

#include <tl/expected.hpp>

#include <filesystem>

namespace kitap::printing {

// An XLSX workbook (libxlsxwriter): a worksheet per section that asks for a
// page of its own, numbers stored as numbers with thousands separators and two
// decimals for tenge, A4 portrait fitted to the page width, the school and the
// date in the page header and "page / pages" in the footer.
tl::expected<void, PrintError> write_xlsx_report(const std::filesystem::path& path, const ReportDocument& document);

}  // namespace kitap::printing
