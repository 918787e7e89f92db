#pragma once

#include "core/textbooks/textbook_reports.hpp"
#include "kiosk/print/report_document.hpp"

#include <vector>

namespace kitap::printing {

// A page (a worksheet) per class for its class teacher: each debtor with what
// they hold past its due date, and a line for the teacher's signature.
ReportDocument debtors_document(const std::vector<core::ClassDebtors>& classes, core::Date as_of,
                                const ReportContext& context);

}  // namespace kitap::printing
