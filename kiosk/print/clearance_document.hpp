#pragma once

#include "core/circulation/reader_account.hpp"
#include "kiosk/print/report_document.hpp"

namespace kitap::printing {

// A leaving pupil's clearance sheet: who, whether they are clear, what they
// must still return and what they owe, and the librarian's signature.
ReportDocument clearance_document(const core::Clearance& clearance, const ReportContext& context);

}  // namespace kitap::printing
