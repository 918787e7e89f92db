#include "core/reports/order_report.hpp"

#include "core/db/statement.hpp"
#include "core/fund/title_price.hpp"
#include "core/year/year_close.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <map>
#include <utility>

namespace kitap::core {
namespace {

constexpr int last_grade = 11;

using ByLanguage = std::map<ClassLanguage, int>;
using Cohorts = std::map<std::pair<int, ClassLanguage>, int>;  // (grade, language) -> active pupils

ClassLanguage language_of(const std::string& code) { return class_language_from(code).value_or(ClassLanguage::kk); }

bool has_classes(SQLite::Database& db, const std::string& year) {
    SQLite::Statement query(db, "SELECT EXISTS (SELECT 1 FROM school_class WHERE school_year = ?)");
    rebind(query, year).executeStep();
    return query.getColumn(0).getInt() != 0;
}

Cohorts pupils_in(SQLite::Database& db, const std::string& year) {
    SQLite::Statement query(db, R"(
        SELECT c.grade, c.language, count(*) FROM school_class c
        JOIN reader r ON r.class_id = c.id AND r.status = 'active' AND r.category = 'pupil'
        WHERE c.school_year = ? GROUP BY c.grade, c.language)");
    rebind(query, year);
    Cohorts cohorts;
    while (query.executeStep())
        cohorts[{query.getColumn(0).getInt(), language_of(query.getColumn(1).getString())}] =
            query.getColumn(2).getInt();
    return cohorts;
}

ByLanguage grade_of(const Cohorts& cohorts, int grade) {
    ByLanguage pupils;
    for (const auto& [key, count] : cohorts)
        if (key.first == grade) pupils[key.second] = count;
    return pupils;
}

// Pupils of grades 2-11 next year, and the grade 1 to go by.
struct Forecast {
    std::string based_on;
    Cohorts pupils;              // grades 2-11
    ByLanguage grade1_enrolled;  // the year's own grade 1, when its classes exist
    ByLanguage grade1_cohort;    // this year's grade 1: what the new one is estimated from
};

Forecast from_own_classes(SQLite::Database& db, const std::string& year) {
    const auto now = pupils_in(db, year);
    // Last year's grade 1 is this year's grade 2.
    Forecast forecast{.based_on = year, .grade1_enrolled = grade_of(now, 1), .grade1_cohort = grade_of(now, 2)};
    for (const auto& [key, count] : now)
        if (key.first >= 2) forecast.pupils[key] = count;
    return forecast;
}

Forecast from_classes_before(SQLite::Database& db, const std::string& previous) {
    Forecast forecast{.based_on = previous};
    const auto now = pupils_in(db, previous);
    for (const auto& [key, count] : now)
        if (key.first >= 1 && key.first < last_grade) forecast.pupils[{key.first + 1, key.second}] = count;
    forecast.grade1_cohort = grade_of(now, 1);
    return forecast;
}

Checked<Forecast> forecast_for(SQLite::Database& db, const std::string& year) {
    if (has_classes(db, year)) return from_own_classes(db, year);
    const std::string previous = previous_school_year(year);
    if (has_classes(db, previous)) return from_classes_before(db, previous);
    return refused_by_rule("order.error.no_classes", {{"year", year}, {"previous", previous}});
}

// `total` shared out as `weights` are, largest remainders first; all in Kazakh when there are no weights.
ByLanguage split_like(int total, const ByLanguage& weights) {
    long long sum = 0;
    for (const auto& [language, weight] : weights) sum += weight;
    if (sum == 0) return {{ClassLanguage::kk, total}};
    ByLanguage shares;
    std::vector<std::pair<long long, ClassLanguage>> remainders;
    int given = 0;
    for (const auto& [language, weight] : weights) {
        shares[language] = static_cast<int>(total * static_cast<long long>(weight) / sum);
        given += shares[language];
        remainders.emplace_back(total * static_cast<long long>(weight) % sum, language);
    }
    std::sort(remainders.rbegin(), remainders.rend());
    for (std::size_t i = 0; given < total; ++i, ++given) ++shares[remainders[i % remainders.size()].second];
    return shares;
}

std::vector<ExpectedPupils> expected_pupils(const Forecast& forecast, std::optional<int> grade1) {
    std::vector<ExpectedPupils> expected;
    const bool estimated = !grade1 && forecast.grade1_enrolled.empty();
    const ByLanguage first = grade1      ? split_like(*grade1, forecast.grade1_cohort)
                             : estimated ? forecast.grade1_cohort
                                         : forecast.grade1_enrolled;
    for (const auto& [language, count] : first) expected.push_back({1, language, count, estimated});
    for (const auto& [key, count] : forecast.pupils) expected.push_back({key.first, key.second, count, false});
    return expected;
}

// ---- Wear -------------------------------------------------------------------

struct Wear {
    std::map<RowId, WearRate> by_title;
    WearRate school;
};

Wear wear_before(SQLite::Database& db, Date today) {
    SQLite::Statement query(db, R"(
        SELECT l.title_id, sum(CASE WHEN l.condition = 'worn' THEN l.quantity ELSE 0 END), sum(l.quantity)
        FROM loan l JOIN title t ON t.id = l.title_id
        WHERE t.kind = 'textbook' AND l.condition IS NOT NULL AND l.returned_at >= ? AND l.returned_at < ?
        GROUP BY l.title_id)");
    rebind(query, iso_date(add_days(today, -365)), iso_date(add_days(today, 1)));
    Wear wear;
    while (query.executeStep()) {
        const WearRate rate{query.getColumn(1).getInt64(), query.getColumn(2).getInt64()};
        wear.by_title[query.getColumn(0).getInt64()] = rate;
        wear.school.worn += rate.worn;
        wear.school.returned += rate.returned;
    }
    return wear;
}

// ---- Lines ------------------------------------------------------------------

template <typename T>
void add_once(std::vector<T>& values, const T& value) {
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

// The curriculum's titles with the pupils each is for, in curriculum order.
std::vector<std::pair<RowId, OrderLine>> curriculum_lines(SQLite::Database& db,
                                                          const std::vector<ExpectedPupils>& pupils) {
    std::map<std::pair<int, ClassLanguage>, int> pupils_of;
    for (const auto& group : pupils) pupils_of[{group.grade, group.language}] = group.pupils;
    SQLite::Statement query(db,
                            "SELECT title_id, grade, language, per_pupil, subject FROM curriculum "
                            "ORDER BY grade, language, subject, title_id");
    std::vector<std::pair<RowId, OrderLine>> lines;
    std::map<RowId, std::size_t> index;
    while (query.executeStep()) {
        const RowId title = query.getColumn(0).getInt64();
        const int grade = query.getColumn(1).getInt();
        const std::string language = query.getColumn(2).getString();
        auto [at, added] = index.try_emplace(title, lines.size());
        if (added) lines.push_back({title, OrderLine{.subject = query.getColumn(4).getString()}});
        auto& line = lines[at->second].second;
        const auto found = pupils_of.find({grade, language_of(language)});
        const int count = found == pupils_of.end() ? 0 : found->second;
        add_once(line.grades, grade);
        add_once(line.languages, language);
        line.pupils += count;
        line.needed += count * query.getColumn(3).getInt();
    }
    return lines;
}

void fill_stock(SQLite::Database& db, std::vector<std::pair<RowId, OrderLine>>& lines) {
    SQLite::Statement query(db, std::string(R"(
        SELECT coalesce(t.isbn, ''), t.title,
               t.stock + (SELECT count(*) FROM copy cp WHERE cp.title_id = t.id AND cp.status = 'in_fund'),
               (SELECT coalesce(sum(l.quantity), 0) FROM loan l
                WHERE l.title_id = t.id AND l.copy_id IS NULL AND l.returned_at IS NULL)
               + (SELECT count(*) FROM copy cp JOIN loan l ON l.copy_id = cp.id AND l.returned_at IS NULL
                  WHERE cp.title_id = t.id),
               )") + title_price_sql +
                                    " FROM title t WHERE t.id = ?");
    for (auto& [title, line] : lines) {
        rebind(query, title).executeStep();
        line.isbn = query.getColumn(0).getString();
        line.title = query.getColumn(1).getString();
        line.expected_returns = query.getColumn(3).getInt();
        line.free = query.getColumn(2).getInt() - line.expected_returns;
        line.price_tiyn = query.getColumn(4).getInt64();
    }
}

long long ceil_share(long long count, const WearRate& wear) {
    return wear.returned > 0 ? (count * wear.worn + wear.returned - 1) / wear.returned : 0;
}

void compute_order(OrderLine& line, const Wear& wear, RowId title) {
    const auto own = wear.by_title.find(title);
    line.school_wear = own == wear.by_title.end();
    line.wear = line.school_wear ? wear.school : own->second;
    line.worn = static_cast<int>(ceil_share(line.expected_returns, line.wear));
    line.usable = std::max(0, line.free + line.expected_returns - line.worn);
    line.to_order = std::max(0, line.needed - line.usable);
    line.sum_tiyn = line.to_order * line.price_tiyn;
}

}  // namespace

Checked<OrderReport> order_report(SQLite::Database& db, const OrderOptions& options) {
    if (!is_school_year_name(options.for_year)) return bad_input("order.error.bad_year", {{"year", options.for_year}});
    if (options.grade1 && *options.grade1 < 0)
        return bad_input("order.error.bad_grade1", {{"count", std::to_string(*options.grade1)}});
    const auto forecast = forecast_for(db, options.for_year);
    if (!forecast) return tl::unexpected(forecast.error());
    OrderReport report{.for_year = options.for_year, .based_on = forecast->based_on};
    report.pupils = expected_pupils(*forecast, options.grade1);
    const auto wear = wear_before(db, options.today);
    report.school_wear = wear.school;
    auto lines = curriculum_lines(db, report.pupils);
    fill_stock(db, lines);
    for (auto& [title, line] : lines) {
        compute_order(line, wear, title);
        report.total_to_order += line.to_order;
        report.total_sum_tiyn += line.sum_tiyn;
        report.lines.push_back(std::move(line));
    }
    return report;
}

}  // namespace kitap::core
