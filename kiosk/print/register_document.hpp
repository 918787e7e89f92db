#pragma once

#include "core/reports/register_report.hpp"
#include "kiosk/print/report_document.hpp"

namespace kitap::printing {

// The summary register of a school year: the fund at its start, what came in
// and went out (by reason) with sums, the fund at its end; textbooks, the rest
// and the whole side by side.
ReportDocument register_document(const core::RegisterReport& report, const ReportContext& context);

}  // namespace kitap::printing
