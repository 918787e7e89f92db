#pragma once

#include "core/reports/writeoff_act_sheet.hpp"
#include "kiosk/print/report_document.hpp"

namespace kitap::printing {

// A write-off act: its number, date and reason, a numbered line per title or
// copy with counts and sums in tenge, the total, and the commission's signatures.
ReportDocument writeoff_act_document(const core::WriteoffActSheet& act, const ReportContext& context);

}  // namespace kitap::printing
