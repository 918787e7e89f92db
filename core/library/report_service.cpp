#include "core/library/report_service.hpp"

#include "core/library/library_core.hpp"

namespace kitap::core {

OrFault<LibraryStats> ReportService::stats(Date today) {
    return guarded([&] { return library_stats(core_.db, today); });
}

OrFault<AnnualFigures> ReportService::annual(const SchoolYearSpan& year) {
    return guarded([&] { return annual_figures(core_.db, year); });
}

OrFault<Checked<RegisterReport>> ReportService::register_of(const std::string& school_year) {
    return guarded([&] { return register_report(core_.db, school_year); });
}

OrFault<Checked<OrderReport>> ReportService::order(const OrderOptions& options) {
    return guarded([&] { return order_report(core_.db, options); });
}

}  // namespace kitap::core
