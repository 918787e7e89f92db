#include "core/reports/annual_report.hpp"

#include "core/db/statement.hpp"
#include "core/fund/title_price.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <charconv>

namespace kitap::core {
namespace {

using namespace std::chrono;

// Stored timestamps are UTC; the library's days are local. The UTC instant a
// local day begins, written as stored timestamps are.
std::string local_day_start_text(Date day) { return iso_timestamp(local_day_start(day)); }

// Local days from `first` to `last` inclusive, and the UTC instants [from, until) they span.
struct Period {
    std::string first_day;
    std::string last_day;
    std::string from;
    std::string until;
};

Period period(Date first, Date last) {
    return {iso_date(first), iso_date(last), local_day_start_text(first), local_day_start_text(add_days(last, 1))};
}

Period from_day_on(Date first) { return period(first, Date{year{9999} / December / 30}); }

struct Flow {
    long long copies = 0;
    std::int64_t sum_tiyn = 0;
};

Flow& operator+=(Flow& flow, const Flow& more) {
    flow.copies += more.copies;
    flow.sum_tiyn += more.sum_tiyn;
    return flow;
}

// A movement of the fund, for the textbooks and for the whole of it.
struct PartFlows {
    Flow textbooks;
    Flow all;
};

PartFlows& operator+=(PartFlows& flows, const PartFlows& more) {
    flows.textbooks += more.textbooks;
    flows.all += more.all;
    return flows;
}

// Runs a query whose rows are (is a textbook, copies, sum in tiyn).
PartFlows part_flows(SQLite::Statement& query) {
    PartFlows flows;
    while (query.executeStep()) {
        const Flow flow{query.getColumn(1).getInt64(), query.getColumn(2).getInt64()};
        if (query.getColumn(0).getInt() != 0) flows.textbooks += flow;
        flows.all += flow;
    }
    return flows;
}

PartFlows received(SQLite::Database& db, const Period& when) {
    SQLite::Statement query(db, R"(
        SELECT t.kind = 'textbook', sum(r.quantity), sum(r.quantity * r.price_tiyn)
        FROM receipt r JOIN title t ON t.id = r.title_id
        WHERE r.received_on BETWEEN ?1 AND ?2 GROUP BY 1)");
    return part_flows(rebind(query, when.first_day, when.last_day));
}

PartFlows written_off(SQLite::Database& db, const Period& when) {
    SQLite::Statement acts(db, R"(
        SELECT t.kind = 'textbook', sum(w.quantity), sum(w.quantity * w.price_tiyn)
        FROM writeoff_row w JOIN writeoff_act a ON a.id = w.act_id JOIN title t ON t.id = w.title_id
        WHERE a.act_date BETWEEN ?1 AND ?2 GROUP BY 1)");
    SQLite::Statement lost_on_return(db, std::string(R"(
        SELECT t.kind = 'textbook', sum(l.quantity), sum(l.quantity * )") +
                                             title_price_sql + R"()
        FROM loan l JOIN title t ON t.id = l.title_id
        WHERE l.condition = 'lost' AND l.copy_id IS NULL AND l.returned_at >= ?1 AND l.returned_at < ?2
        GROUP BY 1)");
    PartFlows out = part_flows(rebind(acts, when.first_day, when.last_day));
    out += part_flows(rebind(lost_on_return, when.from, when.until));
    return out;
}

// Copies on the books today.
PartFlows fund_today(SQLite::Database& db) {
    SQLite::Statement query(db, R"(
        SELECT kind = 'textbook', sum(n), 0 FROM (
            SELECT kind, stock AS n FROM title
            UNION ALL
            SELECT t.kind, count(*) FROM copy c JOIN title t ON t.id = c.title_id
            WHERE c.status <> 'written_off' GROUP BY t.kind)
        GROUP BY 1)");
    return part_flows(query);
}

void count_fund_movement(SQLite::Database& db, const SchoolYearSpan& year, AnnualFigures& figures) {
    const auto in_year = period(year.first_day, year.last_day);
    const auto since_start = from_day_on(year.first_day);
    const auto now = fund_today(db);
    const auto came_since = received(db, since_start);
    const auto left_since = written_off(db, since_start);
    figures.fund_start = now.all.copies - came_since.all.copies + left_since.all.copies;
    figures.fund_start_textbooks = now.textbooks.copies - came_since.textbooks.copies + left_since.textbooks.copies;

    const auto came = received(db, in_year);
    figures.received_copies = came.all.copies;
    figures.received_sum_tiyn = came.all.sum_tiyn;
    figures.received_textbooks_copies = came.textbooks.copies;
    figures.received_textbooks_sum_tiyn = came.textbooks.sum_tiyn;
    const auto left = written_off(db, in_year);
    figures.written_off_copies = left.all.copies;
    figures.written_off_sum_tiyn = left.all.sum_tiyn;
}

void add_readers(AnnualFigures& figures, std::string_view category, std::optional<int> grade_then, long long count) {
    figures.readers_total += count;
    if (category == "teacher")
        figures.readers_teachers += count;
    else if (category != "pupil" || !grade_then || *grade_then < 0 || *grade_then > 11)
        figures.readers_others += count;
    else if (*grade_then <= 4)
        figures.readers_grades_1_4 += count;
    else if (*grade_then <= 9)
        figures.readers_grades_5_9 += count;
    else
        figures.readers_grades_10_11 += count;
}

void count_readers(SQLite::Database& db, const SchoolYearSpan& year, const Period& when, AnnualFigures& figures) {
    SQLite::Statement query(db, R"(
        WITH served (reader_id) AS (
            SELECT reader_id FROM visit WHERE day BETWEEN ?1 AND ?2
            UNION
            SELECT reader_id FROM loan WHERE loaned_at >= ?3 AND loaned_at < ?4)
        SELECT r.category, c.grade - (CAST(substr(c.school_year, 1, 4) AS INTEGER) - ?5), count(*)
        FROM served s JOIN reader r ON r.id = s.reader_id LEFT JOIN school_class c ON c.id = r.class_id
        GROUP BY 1, 2)");
    rebind(query, when.first_day, when.last_day, when.from, when.until, static_cast<int>(year.first_day.year()));
    while (query.executeStep())
        add_readers(figures, query.getColumn(0).getString(), optional_int(query.getColumn(1)),
                    query.getColumn(2).getInt64());
}

void count_circulation(SQLite::Database& db, const Period& when, AnnualFigures& figures) {
    SQLite::Statement query(db, R"(
        SELECT (SELECT count(*) FROM visit WHERE day BETWEEN ?1 AND ?2),
               (SELECT coalesce(sum(quantity), 0) FROM loan WHERE loaned_at >= ?3 AND loaned_at < ?4),
               (SELECT count(*) FROM (SELECT DISTINCT stocktake_id, copy_id FROM stocktake_scan
                                      WHERE copy_id IS NOT NULL AND scanned_at >= ?3 AND scanned_at < ?4))
             + (SELECT count(*) FROM stocktake_scan
                WHERE copy_id IS NULL AND title_id IS NOT NULL AND scanned_at >= ?3 AND scanned_at < ?4))");
    rebind(query, when.first_day, when.last_day, when.from, when.until).executeStep();
    figures.visits = query.getColumn(0).getInt64();
    figures.loans = query.getColumn(1).getInt64();
    figures.stocktake_checked = query.getColumn(2).getInt64();
}

void count_loans_by_month(SQLite::Database& db, const SchoolYearSpan& year, const Period& when,
                          AnnualFigures& figures) {
    const std::chrono::year_month last{year.last_day.year(), year.last_day.month()};
    for (std::chrono::year_month month{year.first_day.year(), year.first_day.month()}; month <= last;
         month += std::chrono::months{1})
        figures.loans_by_month.push_back({iso_date(Date{month / 1}).substr(0, 7), 0});
    SQLite::Statement query(db, R"(
        SELECT strftime('%Y-%m', loaned_at, 'localtime'), sum(quantity) FROM loan
        WHERE loaned_at >= ?1 AND loaned_at < ?2 GROUP BY 1)");
    rebind(query, when.from, when.until);
    while (query.executeStep()) {
        const auto month =
            std::ranges::find(figures.loans_by_month, query.getColumn(0).getString(), &MonthLoans::month);
        if (month != figures.loans_by_month.end()) month->loans = query.getColumn(1).getInt64();
    }
}

std::optional<int> four_digits(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.size() != 4 || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::optional<SchoolYearSpan> school_year_span(std::string_view name) {
    if (name.size() != 9 || name[4] != '-') return std::nullopt;
    const auto first = four_digits(name.substr(0, 4));
    const auto second = four_digits(name.substr(5, 4));
    if (!first || !second || *second != *first + 1 || *first < 1900) return std::nullopt;
    return SchoolYearSpan{std::string(name), year{*first} / September / 1, year{*second} / August / 31};
}

SchoolYearSpan previous_year_span(const SchoolYearSpan& year) {
    const int first = static_cast<int>(year.first_day.year()) - 1;
    return *school_year_span(std::to_string(first) + "-" + std::to_string(first + 1));
}

AnnualFigures annual_figures(SQLite::Database& db, const SchoolYearSpan& year) {
    AnnualFigures figures;
    const auto when = period(year.first_day, year.last_day);
    count_readers(db, year, when, figures);
    count_circulation(db, when, figures);
    count_loans_by_month(db, year, when, figures);
    count_fund_movement(db, year, figures);
    return figures;
}

std::vector<AnnualLine> annual_lines(const AnnualFigures& f) {
    return {{"readers_total", 0, false, f.readers_total},
            {"readers_grades_1_4", 1, false, f.readers_grades_1_4},
            {"readers_grades_5_9", 1, false, f.readers_grades_5_9},
            {"readers_grades_10_11", 1, false, f.readers_grades_10_11},
            {"readers_teachers", 1, false, f.readers_teachers},
            {"readers_others", 1, false, f.readers_others},
            {"visits", 0, false, f.visits},
            {"loans", 0, false, f.loans},
            {"fund_start", 0, false, f.fund_start},
            {"fund_start_textbooks", 1, false, f.fund_start_textbooks},
            {"received_copies", 0, false, f.received_copies},
            {"received_sum", 1, true, f.received_sum_tiyn},
            {"received_textbooks_copies", 1, false, f.received_textbooks_copies},
            {"received_textbooks_sum", 1, true, f.received_textbooks_sum_tiyn},
            {"written_off_copies", 0, false, f.written_off_copies},
            {"written_off_sum", 1, true, f.written_off_sum_tiyn},
            {"stocktake_checked", 0, false, f.stocktake_checked}};
}

}  // namespace kitap::core
