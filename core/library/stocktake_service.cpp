#include "core/library/stocktake_service.hpp"

#include "core/circulation/station_queries.hpp"
#include "core/library/library_core.hpp"

namespace kitap::core {

OrFault<Checked<RowId>> StocktakeService::start(const std::string& scope, const ActionStamp& by) {
    return guarded([&] { return start_stocktake(core_.db, scope, by); });
}

OrFault<std::optional<StocktakeStatus>> StocktakeService::status() {
    return guarded([&] { return stocktake_status(core_.db); });
}

OrFault<StocktakeScanResult> StocktakeService::record_scan(const std::string& code, Timestamp now,
                                                           const std::string& station) {
    return guarded([&] { return core_.store.station_queries().stocktake.record(code, now, station); });
}

OrFault<Checked<StocktakeReport>> StocktakeService::finish(const ActionStamp& by) {
    return guarded([&] { return finish_stocktake(core_.db, by); });
}

}  // namespace kitap::core
