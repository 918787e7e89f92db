#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/text/class_name.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// How well one class is provided with one curriculum title.
struct ProvisionLine {
    std::string class_name;
    int grade = 0;
    std::string language;
    std::string isbn;
    std::string title;
    std::string subject;
    int pupils = 0;
    int needed = 0;  // pupils × copies per pupil
    int issued = 0;  // copies the class's pupils hold, at most their share each
    double provision_pct = 0;
    int free_stock = 0;  // title-level copies on the shelf, for the whole school

    friend bool operator==(const ProvisionLine&, const ProvisionLine&) = default;
};

struct GradeProvision {
    int grade = 0;
    int pupils = 0;
    int needed = 0;
    int issued = 0;
    double provision_pct = 0;

    friend bool operator==(const GradeProvision&, const GradeProvision&) = default;
};

struct ProvisionReport {
    std::string school_year;
    std::vector<ProvisionLine> lines;
    std::vector<GradeProvision> grades;  // whole-school totals

    friend bool operator==(const ProvisionReport&, const ProvisionReport&) = default;
};

// The librarian's diagnostics of provision, for the current school year.
ProvisionReport provision_report(SQLite::Database& db, const std::optional<ClassName>& only_class, Date today);

struct DebtItem {
    std::string code;
    std::string title;
    std::string kind;
    int quantity = 1;
    Date due;

    friend bool operator==(const DebtItem&, const DebtItem&) = default;
};

struct Debtor {
    std::string card;
    std::string name;
    std::vector<DebtItem> items;

    friend bool operator==(const Debtor&, const Debtor&) = default;
};

// One class teacher's list; readers without a class (teachers, staff) come last
// under an empty class name.
struct ClassDebtors {
    std::string class_name;
    std::vector<Debtor> debtors;

    friend bool operator==(const ClassDebtors&, const ClassDebtors&) = default;
};

// Everyone holding something due before `as_of`; at the end of the school year
// (textbooks are due then) that is every unreturned textbook.
std::vector<ClassDebtors> debtors_report(SQLite::Database& db, const std::optional<ClassName>& only_class, Date as_of);

}  // namespace kitap::core
