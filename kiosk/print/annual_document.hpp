#pragma once

#include "core/reports/annual_report.hpp"
#include "kiosk/print/report_document.hpp"

namespace kitap::printing {

// A school year's figures and the year before's, side by side.
struct AnnualComparison {
    core::SchoolYearSpan year;
    core::AnnualFigures figures;
    core::SchoolYearSpan previous_year;
    core::AnnualFigures previous;
};

// The library's annual statistics, laid out as the table in shared/DOMAIN.md:
// one line per figure, the previous year's column beside this year's.
ReportDocument annual_document(const AnnualComparison& years, const ReportContext& context);

}  // namespace kitap::printing
