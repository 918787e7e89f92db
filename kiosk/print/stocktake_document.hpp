#pragma once

#include "core/stocktake/stocktake.hpp"
#include "kiosk/print/report_document.hpp"

namespace kitap::printing {

// A finished stocktake: its summary, the copies not found, the ones found that
// should not be there, the title-level counts against the records, and the
// commission's signatures.
ReportDocument stocktake_document(const core::StocktakeReport& report, const ReportContext& context);

}  // namespace kitap::printing
