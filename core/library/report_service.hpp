#pragma once

#include "core/calendar.hpp"
#include "core/library/fault.hpp"
#include "core/reports/annual_report.hpp"
#include "core/reports/library_stats.hpp"
#include "core/reports/order_report.hpp"
#include "core/reports/register_report.hpp"

#include <string>

namespace kitap::core {

struct LibraryCore;

// The figures the library reports: at a glance, for the year, the register, the order.
class ReportService {
public:
    explicit ReportService(LibraryCore& core) : core_(core) {}

    OrFault<LibraryStats> stats(Date today);
    OrFault<AnnualFigures> annual(const SchoolYearSpan& year);
    OrFault<Checked<RegisterReport>> register_of(const std::string& school_year);
    OrFault<Checked<OrderReport>> order(const OrderOptions& options);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
