#pragma once

#include "core/calendar.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/library/fault.hpp"
#include "core/year/year_close.hpp"

#include <string>

namespace kitap::core {

struct LibraryCore;

// The school year: which one is current, and closing it.
class YearService {
public:
    explicit YearService(LibraryCore& core) : core_(core) {}

    OrFault<std::string> current(Date today);
    OrFault<Checked<YearClose>> close(const YearCloseOptions& options, const ActionStamp& by);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
