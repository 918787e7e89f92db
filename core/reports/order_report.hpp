#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/fund/refusal.hpp"
#include "core/rules.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

struct OrderOptions {
    std::string for_year;       // "2024-2025"
    std::optional<int> grade1;  // pupils expected in grade 1, both languages together; default: estimated
    Date today;                 // wear is measured over the year of returns before it
};

// Pupils of a grade and language of instruction next year.
struct ExpectedPupils {
    int grade = 0;
    ClassLanguage language = ClassLanguage::kk;
    int pupils = 0;
    bool estimated = false;  // grade 1 taken from this year's grade 1
};

// What is left of the returns: `worn` of `returned` textbooks came back worn.
struct WearRate {
    long long worn = 0;
    long long returned = 0;
    double fraction() const { return returned > 0 ? static_cast<double>(worn) / static_cast<double>(returned) : 0.0; }
};

// One curriculum title of the order.
struct OrderLine {
    std::string isbn;
    std::string title;
    std::string subject;
    std::vector<int> grades;
    std::vector<std::string> languages;
    int pupils = 0;
    int needed = 0;            // pupils × per pupil
    int free = 0;              // owned (title-level stock and labelled copies in the fund) less on loan
    int expected_returns = 0;  // on loan now, due back before the new year
    WearRate wear;             // the title's own, or the school's when it has no returns with a condition
    bool school_wear = false;
    int worn = 0;                 // expected returns that will come back worn: ⌈returns × wear⌉
    int usable = 0;               // free + expected returns − worn
    int to_order = 0;             // needed − usable, at least 0
    std::int64_t price_tiyn = 0;  // the title's price (core/fund/title_price.hpp)
    std::int64_t sum_tiyn = 0;
};

struct OrderReport {
    std::string for_year;
    std::string based_on;  // the school year whose classes the pupils are counted in
    std::vector<ExpectedPupils> pupils;
    WearRate school_wear;  // every textbook's returns over the year before `today`
    std::vector<OrderLine> lines;
    int total_to_order = 0;
    std::int64_t total_sum_tiyn = 0;
};

// Next year's textbook order per curriculum title (DOMAIN.md: need = pupils per
// grade × copies per pupil − usable stock).
// Pupils next year: when the year's classes exist (the year before is closed),
// their active pupils; otherwise the classes of the year before, each a grade up
// (grade 11 leaves). Grade 1 is options.grade1 when given (split between the
// languages as this year's grade 1 is), else the classes' own grade 1 when they
// exist, else as many as this year's grade 1 (estimated).
// Wear: of the title-level and labelled returns with a recorded condition in the
// 365 days before `today`, the share that came back 'worn'; a title without
// such returns takes the school's share over all textbooks.
// Refused when neither the year nor the year before has classes; bad input: a
// malformed year or a negative grade 1.
Checked<OrderReport> order_report(SQLite::Database& db, const OrderOptions& options);

}  // namespace kitap::core
