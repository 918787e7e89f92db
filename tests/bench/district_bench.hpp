#pragma once

#include <filesystem>
#include <memory>

namespace kitap::bench {

// A school's syncs to a real PostgreSQL 15 started in `dir`: the first sync of the
// library at `school_db` (its whole history), then, after `add_a_day` has written
// a school day's events into it, the next; then the city's annual report over 50
// schools. Prints district_first_sync_10y_s, district_daily_sync_s (and how many
// events that day had), district_all_years_sync_s (a sync after a kiosk setting
// changed, which sends every year's annual figures again, as a first sync does) and
// its ratio to the daily one, district_annual_50_schools_ms.
class DistrictBench {
public:
    DistrictBench(const std::filesystem::path& dir, const std::filesystem::path& school_db);
    ~DistrictBench();
    DistrictBench(const DistrictBench&) = delete;
    DistrictBench& operator=(const DistrictBench&) = delete;

    void first_sync();
    void daily_sync();
    void all_years_sync();
    void annual_report(int runs);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace kitap::bench
