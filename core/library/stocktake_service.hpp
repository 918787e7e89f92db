#pragma once

#include "core/fund/action_stamp.hpp"
#include "core/library/fault.hpp"
#include "core/stocktake/stocktake.hpp"

#include <optional>
#include <string>

namespace kitap::core {

struct LibraryCore;

// The stocktake: started, counted scan by scan outside any station, finished into a report.
class StocktakeService {
public:
    explicit StocktakeService(LibraryCore& core) : core_(core) {}

    OrFault<Checked<RowId>> start(const std::string& scope, const ActionStamp& by);
    OrFault<std::optional<StocktakeStatus>> status();
    OrFault<StocktakeScanResult> record_scan(const std::string& code, Timestamp now, const std::string& station);
    OrFault<Checked<StocktakeReport>> finish(const ActionStamp& by);

private:
    LibraryCore& core_;
};

}  // namespace kitap::core
