#include "kiosk/district/district_reports.hpp"

#include "core/reports/annual_report.hpp"

#include <pqxx/pqxx>

#include <algorithm>
#include <map>

namespace kitap::district {
namespace {

template <typename T>
std::optional<T> optional_field(const pqxx::field& field) {
    return field.is_null() ? std::nullopt : std::optional(field.as<T>());
}

std::optional<std::string> optional_param(const std::optional<int>& number) {
    return number ? std::optional(std::to_string(*number)) : std::nullopt;
}

std::vector<std::string> annual_keys() {
    std::vector<std::string> keys;
    for (const auto& line : core::annual_lines(core::AnnualFigures{})) keys.emplace_back(line.key);
    return keys;
}

void add_figures(ProvisionFigures& sum, const ProvisionFigures& more) {
    sum.pupils += more.pupils;
    sum.needed += more.needed;
    sum.issued += more.issued;
}

void add_months(SchoolAnnual& total, const std::vector<std::pair<std::string, std::int64_t>>& months) {
    for (const auto& [month, loans] : months) {
        auto at = std::find_if(total.loans_by_month.begin(), total.loans_by_month.end(),
                               [&](const auto& each) { return each.first == month; });
        if (at == total.loans_by_month.end())
            total.loans_by_month.emplace_back(month, loans);
        else
            at->second += loans;
    }
}

// The schools whose `column` (a year their last sync sent figures for) is `year`, and the others.
SchoolsCounted schools_with(pqxx::transaction_base& transaction, const std::string& column, const std::string& year) {
    SchoolsCounted schools;
    for (const auto& row : transaction.exec_params(
             "SELECT id, " + transaction.quote_name(column) + " IS NOT DISTINCT FROM $1 FROM school ORDER BY id", year))
        (row[1].as<bool>() ? schools.counted : schools.not_counted).push_back(row[0].as<std::string>());
    return schools;
}

}  // namespace

std::vector<SchoolStatus> school_statuses(pqxx::connection& connection) {
    pqxx::read_transaction transaction(connection);
    const auto rows = transaction.exec(R"(
        SELECT id, name, last_sequence,
               to_char(last_sync AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               to_char(last_event_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               extract(epoch FROM now() - last_sync) / 3600
        FROM school ORDER BY id)");
    std::vector<SchoolStatus> schools;
    for (const auto& row : rows)
        schools.push_back({.school = row[0].as<std::string>(),
                           .name = row[1].as<std::string>(),
                           .last_sequence = row[2].as<std::int64_t>(),
                           .last_sync = optional_field<std::string>(row[3]),
                           .last_event_at = optional_field<std::string>(row[4]),
                           .hours_behind = optional_field<double>(row[5])});
    return schools;
}

DistrictAnnual district_annual(pqxx::connection& connection, const std::string& year) {
    pqxx::read_transaction transaction(connection);  // figures and months of one state
    const auto keys = annual_keys();
    DistrictAnnual annual{.year = year, .total = {.school = "total", .values = std::vector<std::int64_t>(keys.size())}};
    const auto figures = transaction.exec_params(R"(
        SELECT s.id, s.name, f.key, f.value FROM annual_figure f JOIN school s ON s.id = f.school
        WHERE f.year = $1 ORDER BY s.id)",
                                                 year);
    for (const auto& row : figures) {
        const auto school = row[0].as<std::string>();
        if (annual.schools.empty() || annual.schools.back().school != school)
            annual.schools.push_back(
                {.school = school, .name = row[1].as<std::string>(), .values = std::vector<std::int64_t>(keys.size())});
        const auto key = std::find(keys.begin(), keys.end(), row[2].as<std::string>());
        if (key == keys.end()) continue;  // a figure a newer Kitap sent: not in this one's table
        const auto at = static_cast<std::size_t>(key - keys.begin());
        annual.schools.back().values[at] = row[3].as<std::int64_t>();
        annual.total.values[at] += row[3].as<std::int64_t>();
    }
    const auto months = transaction.exec_params(
        "SELECT school, month, loans FROM annual_month WHERE year = $1 ORDER BY school, month", year);
    for (auto& school : annual.schools) {
        for (const auto& row : months)
            if (row[0].as<std::string>() == school.school)
                school.loans_by_month.emplace_back(row[1].as<std::string>(), row[2].as<std::int64_t>());
        add_months(annual.total, school.loans_by_month);
    }
    return annual;
}

DistrictProvision district_provision(pqxx::connection& connection, const ProvisionFilter& filter) {
    pqxx::read_transaction transaction(connection);
    DistrictProvision provision{.school_year = filter.school_year,
                                .schools = schools_with(transaction, "school_year", filter.school_year)};
    const auto rows = transaction.exec_params(R"(
        SELECT p.school, s.name, p.isbn, min(p.title), sum(p.pupils), sum(p.needed), sum(p.issued)
        FROM provision p JOIN school s ON s.id = p.school AND s.school_year = $3
        WHERE ($1::integer IS NULL OR p.grade = $1::integer) AND ($2::text IS NULL OR p.language = $2::text)
        GROUP BY p.school, s.name, p.isbn ORDER BY p.school, p.isbn)",
                                              optional_param(filter.grade), filter.language, filter.school_year);
    std::map<std::string, TitleProvision> titles;
    std::map<std::string, SchoolProvision> schools;
    for (const auto& row : rows) {
        SchoolTitleProvision line{.school = row[0].as<std::string>(),
                                  .isbn = row[2].as<std::string>(),
                                  .title = row[3].as<std::string>(),
                                  .figures = {.pupils = row[4].as<std::int64_t>(),
                                              .needed = row[5].as<std::int64_t>(),
                                              .issued = row[6].as<std::int64_t>()}};
        auto& title = titles[line.isbn];
        title.isbn = line.isbn;
        title.title = line.title;
        add_figures(title.figures, line.figures);
        auto& school = schools[line.school];
        school.school = line.school;
        school.name = row[1].as<std::string>();
        add_figures(school.figures, line.figures);
        provision.lines.push_back(std::move(line));
    }
    for (auto& [isbn, title] : titles) provision.titles.push_back(std::move(title));
    for (auto& [id, school] : schools) provision.behind.push_back(std::move(school));
    std::stable_sort(provision.behind.begin(), provision.behind.end(),
                     [](const auto& a, const auto& b) { return a.figures.percent() < b.figures.percent(); });
    return provision;
}

DistrictExchange district_exchange(pqxx::connection& connection, const std::string& for_year) {
    pqxx::read_transaction transaction(connection);
    DistrictExchange exchange{.for_year = for_year, .schools = schools_with(transaction, "need_for_year", for_year)};
    const auto rows = transaction.exec_params(R"(
        SELECT n.isbn, n.title, n.school, greatest(n.usable - n.needed, 0), n.to_order
        FROM need n JOIN school s ON s.id = n.school AND s.need_for_year = $1
        WHERE n.usable <> n.needed OR n.to_order > 0 ORDER BY n.isbn, n.school)",
                                              for_year);
    for (const auto& row : rows) {
        const auto isbn = row[0].as<std::string>();
        if (exchange.titles.empty() || exchange.titles.back().isbn != isbn)
            exchange.titles.push_back({.isbn = isbn, .title = row[1].as<std::string>()});
        exchange.titles.back().balances.push_back(
            {.school = row[2].as<std::string>(), .surplus = row[3].as<int>(), .shortage = row[4].as<int>()});
    }
    for (auto& title : exchange.titles) title.plan = plan_title_transfers(title.balances);
    return exchange;
}

}  // namespace kitap::district
