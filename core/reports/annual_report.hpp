#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// A school year by name: "2023-2024" runs 1 September 2023 – 31 August 2024.
struct SchoolYearSpan {
    std::string name;
    Date first_day;
    Date last_day;
};

// nullopt unless the text is "YYYY-YYYY" with the second year the next one.
std::optional<SchoolYearSpan> school_year_span(std::string_view name);
SchoolYearSpan previous_year_span(const SchoolYearSpan& year);

// The library's statistics for one school year, as the annual report lays them
// out (the table in shared/DOMAIN.md). Sums are in tiyn.
// Copies issued in one month of the school year ("2025-09"), by local time.
struct MonthLoans {
    std::string month;
    long long loans = 0;

    bool operator==(const MonthLoans&) const = default;
};

struct AnnualFigures {
    // Readers served: everyone with a visit or a loan in the year, by the group
    // they were in that year. A pupil's grade then is their class's grade less the
    // years since (promotion moves a pupil up one grade a year); grade 0 counts
    // with grades 1-4; a grade outside 0-11, staff and others are "others".
    long long readers_total = 0;
    long long readers_grades_1_4 = 0;
    long long readers_grades_5_9 = 0;
    long long readers_grades_10_11 = 0;
    long long readers_teachers = 0;
    long long readers_others = 0;
    long long visits = 0;  // reader-days at the stations
    long long loans = 0;   // copies issued, title-level and labelled
    // The fund on the books on 1 September: title-level stock plus labelled
    // copies not written off, today's figure less what came in since and plus
    // what went out since (write-off acts; title-level copies lost on return,
    // which leave the stock at once). Stock changed outside receipts and
    // write-offs (a catalogue import) counts as present all along.
    long long fund_start = 0;
    long long fund_start_textbooks = 0;
    long long received_copies = 0;  // receipts dated in the year, at their price
    std::int64_t received_sum_tiyn = 0;
    long long received_textbooks_copies = 0;
    std::int64_t received_textbooks_sum_tiyn = 0;
    // Rows of write-off acts dated in the year (at the act's price) and
    // title-level copies lost on return in it (at the title's latest receipt
    // price, else its catalogue price).
    long long written_off_copies = 0;
    std::int64_t written_off_sum_tiyn = 0;
    // Stocktake scans in the year: each labelled copy once per stocktake, each
    // scan of a title-level copy as one copy; unknown codes not at all.
    long long stocktake_checked = 0;
    // `loans` month by month, every month of the year from its first day's (none left out).
    std::vector<MonthLoans> loans_by_month;

    bool operator==(const AnnualFigures&) const = default;
};

AnnualFigures annual_figures(SQLite::Database& db, const SchoolYearSpan& year);

// One figure under its name in the JSON output (a contract: readers_total, ...,
// stocktake_checked), in the order the report lays them out; `level` 1 for the
// "of them" lines under the one before.
struct AnnualLine {
    std::string_view key;
    int level = 0;
    bool tenge = false;  // a sum in tiyn; otherwise a count
    std::int64_t value = 0;
};

std::vector<AnnualLine> annual_lines(const AnnualFigures& figures);

}  // namespace kitap::core
