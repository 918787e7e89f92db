#pragma once

#include "core/textbooks/class_progress.hpp"
#include "core/textbooks/textbook_reports.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"

#include <string>
#include <vector>

namespace kitap::kiosk {

// Provision and debtors at a glance: the whole school's textbooks by grade, the
// classes furthest behind, and who owes books class by class. The full reports
// are `kitap report provision|debtors` (PDF, XLSX).
struct ReportsPanel {
    std::string school_year;
    std::vector<core::GradeProvision> grades;
    std::vector<core::ClassProvision> behind;  // classes with the least of their sets, worst first
    struct ClassDebt {
        std::string class_name;  // empty: readers without a class
        int readers = 0;
        int items = 0;
    };
    std::vector<ClassDebt> debts;  // most items first
};

// The summary of the reports core makes.
ReportsPanel summarise(const core::ProvisionReport& provision, std::vector<core::ClassProvision> classes,
                       const std::vector<core::ClassDebtors>& debtors);

void draw(const ReportsPanel& panel, const ScreenContext& context, Rect area);

}  // namespace kitap::kiosk
