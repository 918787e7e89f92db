#pragma once

#include "kiosk/district/exchange_plan.hpp"

#include <pqxx/connection>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kitap::district {

// Each synced school: when it last synced and how far behind that leaves the city.
struct SchoolStatus {
    std::string school;
    std::string name;
    std::int64_t last_sequence = 0;
    std::optional<std::string> last_sync;      // ISO 8601 UTC; nullopt: never finished one
    std::optional<std::string> last_event_at;  // the newest event the district holds
    std::optional<double> hours_behind;        // since the last sync
};
std::vector<SchoolStatus> school_statuses(pqxx::connection& connection);

// The annual statistics of one school year: each school's own figures as its
// `kitap report annual` computed them, and their sums. `values` follow
// core::annual_lines' order; a school that sent no figures for the year is left out.
struct SchoolAnnual {
    std::string school;
    std::string name;
    std::vector<std::int64_t> values;
    std::vector<std::pair<std::string, std::int64_t>> loans_by_month;
};
struct DistrictAnnual {
    std::string year;
    std::vector<SchoolAnnual> schools;
    SchoolAnnual total;  // school "total"
};
DistrictAnnual district_annual(pqxx::connection& connection, const std::string& year);

// The schools whose figures a report counts, and the others, by id.
struct SchoolsCounted {
    std::vector<std::string> counted;
    std::vector<std::string> not_counted;
};

// Textbook provision in a school year: each school's pupils, copies needed and
// issued per curriculum title (its own provision report, summed over its classes),
// the city's per title, and the schools furthest behind. A school whose last sync
// was in another school year is not counted: its classes are last year's.
struct ProvisionFilter {
    std::string school_year;
    std::optional<int> grade;
    std::optional<std::string> language;
};
struct ProvisionFigures {
    std::int64_t pupils = 0;
    std::int64_t needed = 0;
    std::int64_t issued = 0;
    double percent() const {
        return needed > 0 ? 100.0 * static_cast<double>(issued) / static_cast<double>(needed) : 100.0;
    }
};
struct SchoolTitleProvision {
    std::string school;
    std::string isbn;
    std::string title;
    ProvisionFigures figures;
};
struct TitleProvision {
    std::string isbn;
    std::string title;
    ProvisionFigures figures;
};
struct SchoolProvision {
    std::string school;
    std::string name;
    ProvisionFigures figures;
};
struct DistrictProvision {
    std::string school_year;
    SchoolsCounted schools;
    std::vector<SchoolTitleProvision> lines;  // by school, then title
    std::vector<TitleProvision> titles;       // the city's, by title
    std::vector<SchoolProvision> behind;      // every school, lowest provision first
};
DistrictProvision district_provision(pqxx::connection& connection, const ProvisionFilter& filter);

// The textbook exchange for a school year: per curriculum title, what each school
// will have beyond its need (usable − needed, from its own order for that year) or
// lack (its order's to_order), and the transfers proposed between them.
struct ExchangeTitle {
    std::string isbn;
    std::string title;
    std::vector<SchoolBalance> balances;
    TitlePlan plan;
};
struct DistrictExchange {
    std::string for_year;
    std::vector<ExchangeTitle> titles;  // those with a shortage or a surplus somewhere
    SchoolsCounted schools;             // not counted: their last sync sent an order for another year, or none
};
DistrictExchange district_exchange(pqxx::connection& connection, const std::string& for_year);

}  // namespace kitap::district
