#pragma once

#include "core/reports/order_report.hpp"
#include "kiosk/print/report_document.hpp"

namespace kitap::printing {

// Next year's textbook order: a line per curriculum title with what is needed,
// what will be usable and what to order at what price, and the total.
ReportDocument order_document(const core::OrderReport& report, const ReportContext& context);

}  // namespace kitap::printing
