#include "tests/bench/district_bench.hpp"

#include "core/library.hpp"
#include "kiosk/district/district_database.hpp"
#include "kiosk/district/district_reports.hpp"
#include "kiosk/district/district_sync.hpp"
#include "tests/bench/figures.hpp"
#include "tests/support/pg_server.hpp"

#include <pqxx/pqxx>

#include <chrono>
#include <stdexcept>

namespace kitap::bench {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

core::Timestamp now() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

core::Date today() { return core::local_date(now()); }

// 49 more schools beside the synced one, each with its annual figures: what the
// city's annual report reads (the events are not).
void copy_school_49_times(pqxx::connection& connection, const std::string& school) {
    pqxx::work transaction(connection);
    transaction.exec_params(R"(
        INSERT INTO school (id, name, last_sequence, last_sync)
        SELECT 'copy-' || n, 'copy ' || n, s.last_sequence, s.last_sync FROM school s, generate_series(1, 49) n
        WHERE s.id = $1)",
                            school);
    transaction.exec_params(R"(
        INSERT INTO annual_figure (school, year, key, value)
        SELECT 'copy-' || n, year, key, value + n FROM annual_figure, generate_series(1, 49) n WHERE school = $1)",
                            school);
    transaction.exec_params(R"(
        INSERT INTO annual_month (school, year, month, loans)
        SELECT 'copy-' || n, year, month, loans + n FROM annual_month, generate_series(1, 49) n WHERE school = $1)",
                            school);
    transaction.commit();
}

}  // namespace

struct DistrictBench::State {
    explicit State(const std::filesystem::path& dir, const std::filesystem::path& school_db)
        : server(dir), library(open(school_db)), connection(server.conninfo()) {}

    static core::Library open(const std::filesystem::path& path) {
        auto library = core::Library::open(path);
        if (!library)
            throw std::runtime_error("kitap-bench: cannot open " + path.string() + ": " + library.error().detail);
        return std::move(*library);
    }

    district::SyncReport sync() {
        auto report = district::sync_school(library, school, connection, today());
        if (!report) throw std::runtime_error("kitap-bench: sync: " + report.error().detail);
        return *report;
    }

    testing::PgServer server;
    core::Library library;
    pqxx::connection connection;
    district::SchoolIdentity school{.id = "bench-school", .name = "Bench school"};
    double daily_sync_s = 0;
};

DistrictBench::DistrictBench(const std::filesystem::path& dir, const std::filesystem::path& school_db)
    : state_(std::make_unique<State>(dir, school_db)) {
    district::migrate_district(state_->connection);
}

DistrictBench::~DistrictBench() = default;

void DistrictBench::first_sync() {
    const auto start = Clock::now();
    const auto report = state_->sync();
    print("district_first_sync_10y_s", seconds_since(start));
    print("district_first_sync_events", static_cast<double>(report.events_sent));
}

void DistrictBench::daily_sync() {
    const auto start = Clock::now();
    const auto report = state_->sync();
    state_->daily_sync_s = seconds_since(start);
    print("district_daily_sync_s", state_->daily_sync_s);
    print("district_daily_sync_events", static_cast<double>(report.events_sent));
}

void DistrictBench::all_years_sync() {
    const auto changed =
        state_->library.settings().change(std::string(core::kiosk_idle_timeout_setting.key), "45", now(), "bench");
    if (!changed || *changed) throw std::runtime_error("kitap-bench: the kiosk's idle timeout was not changed");
    const auto start = Clock::now();
    state_->sync();
    const auto all_years_s = seconds_since(start);
    print("district_all_years_sync_s", all_years_s);
    print("district_all_years_vs_daily_sync_ratio", all_years_s / state_->daily_sync_s);
}

void DistrictBench::annual_report(int runs) {
    copy_school_49_times(state_->connection, state_->school.id);
    const auto year = core::school_year_of(today());
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const auto annual = district::district_annual(state_->connection, year);
        times.push_back(seconds_since(start) * 1000);
        if (annual.schools.size() != 50) throw std::runtime_error("kitap-bench: the annual report has not 50 schools");
    }
    print("district_annual_50_schools_ms", percentile(times, 0.5));
}

}  // namespace kitap::bench
