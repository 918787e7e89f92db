#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/fund/refusal.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// "2023-2024": four digits, a hyphen, the next year.
bool is_school_year_name(std::string_view text);
std::string previous_school_year(const std::string& school_year);  // "2023-2024" -> "2022-2023"
Date first_day_of_school_year(const std::string& school_year);     // 1 September
Date last_day_of_school_year(const std::string& school_year);      // 31 August

struct PromotedClass {
    std::string from;  // "5Ә"
    std::string to;    // "6Ә"
    int pupils = 0;
};

// A pupil leaving school: what they still hold stays on their record.
struct Graduate {
    std::string card;
    std::string name;
    std::string class_name;
    int open_loans = 0;
    int open_compensations = 0;
};

// An open textbook loan that stays open into the next year.
struct CarriedDebt {
    std::string card;
    std::string name;
    std::string class_name;  // before promotion
    std::string code;        // ISBN, or the copy's inventory number
    std::string title;
    int quantity = 1;
};

struct YearClose {
    std::string year;
    std::string next_year;
    std::vector<PromotedClass> promoted;
    std::vector<Graduate> graduates;
    std::vector<CarriedDebt> debts;
    bool dry_run = false;
};

struct YearCloseOptions {
    std::optional<std::string> year;  // default: the current school year
    bool dry_run = false;             // report what would happen, write nothing
    bool early = false;               // close before 1 May of the year's end, knowingly
};

// 1 May of the year a school year ends in: a year closes from then on (lessons
// end late in May; textbooks come back in May and June).
Date earliest_close_day(const std::string& school_year);

// Closes a school year in one transaction: every class of the year below grade 11
// gets its class of the next year (grade + 1, letter and language kept; an
// existing one is used) and its active pupils move there ('reader_promoted'
// events); active pupils of grade 11 leave ('reader_graduated'), keeping their
// loans and compensations; the year is recorded as closed ('year_closed'). Open
// textbook loans stay open: they are debts of the next year.
// Refused by a rule: the year closed already (the default year after a close is
// the next one, which has not started: that too is "closed already"), a later
// year closed, a year not started or before its earliest close day (unless
// `early`; a dry run is never refused for that), no classes in the year, a class of the next
// year with the same grade and letter but another language. Bad input: a
// malformed year name. A fault in the middle leaves the database as it was.
Checked<YearClose> close_school_year(SQLite::Database& db, const YearCloseOptions& options, const ActionStamp& by);

}  // namespace kitap::core
