#include "core/library/year_service.hpp"

#include "core/library/library_core.hpp"
#include "core/year/school_years.hpp"

namespace kitap::core {

OrFault<std::string> YearService::current(Date today) {
    return guarded([&] { return current_school_year(core_.db, today); });
}

OrFault<Checked<YearClose>> YearService::close(const YearCloseOptions& options, const ActionStamp& by) {
    return guarded([&] { return close_school_year(core_.db, options, by); });
}

}  // namespace kitap::core
