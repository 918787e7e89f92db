#pragma once

#include "core/textbooks/textbook_reports.hpp"
#include "kiosk/print/report_document.hpp"

namespace kitap::printing {

// The provision of every class with its curriculum's textbooks, then the grades' totals.
ReportDocument provision_document(const core::ProvisionReport& report, const ReportContext& context);

}  // namespace kitap::printing
