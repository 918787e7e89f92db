#pragma once

#include "kiosk/print/print_error.hpp"
#include "kiosk/print/report_document.hpp"

#include <tl/expected.hpp>

#include <filesystem>

namespace kitap::printing {

// A4 portrait: the school and the date atop every page, "page n / m" at the
// foot, the title, then each section's heading, lines, table (its header row
// repeated on every page it runs onto) and signature lines.
tl::expected<void, PrintError> write_pdf_report(const std::filesystem::path& path, const ReportDocument& document);

}  // namespace kitap::printing
