#include "kiosk/gui/screens/issuance_panel.hpp"
#include "kiosk/gui/screens/reports_panel.hpp"
#include "kiosk/gui/screens/returns_panel.hpp"

#include "tests/kiosk/gui/support/rects.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace kitap::kiosk {
namespace {

using testing::inside;
using testing::overlap;

void expect_touchable_and_apart(const std::vector<Rect>& buttons, const Rect& area) {
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        EXPECT_GE(buttons[i].height, 64) << i;
        EXPECT_GE(buttons[i].width, 64) << i;
        EXPECT_TRUE(inside(buttons[i], area)) << i;
        for (std::size_t j = i + 1; j < buttons.size(); ++j) EXPECT_FALSE(overlap(buttons[i], buttons[j])) << i << j;
    }
}

// The librarian's content area at 1280x800, with and without the demo strip.
std::vector<Rect> content_areas() {
    std::vector<Rect> areas;
    for (float width : {1280.0f, 980.0f})
        areas.push_back(librarian_layout({0, top_bar_height(1), width, 800 - top_bar_height(1)}, 1.0f).content);
    return areas;
}

TEST(IssuanceLayout, ButtonsAreTouchSizedAndApart) {
    for (const Rect& area : content_areas()) {
        const IssuanceLayout layout = issuance_layout(area, 1.0f);
        expect_touchable_and_apart({layout.issue_all, layout.other_class}, area);
        expect_touchable_and_apart({layout.confirm, layout.cancel}, layout.question);
        EXPECT_TRUE(inside(layout.question, area));
    }
}

TEST(ReturnsLayout, ConditionButtonsAreTouchSizedAndApart) {
    for (const Rect& area : content_areas()) {
        const ReturnsLayout layout = returns_layout(area, 1.0f);
        std::vector<Rect> buttons(layout.conditions.begin(), layout.conditions.end());
        buttons.push_back(layout.next_pupil);
        expect_touchable_and_apart(buttons, area);
    }
}

TEST(ReportsPanel, SummariesPutTheWorstFirst) {
    core::ProvisionReport provision{.school_year = "2026-2027", .grades = {{.grade = 5, .needed = 10, .issued = 7}}};
    std::vector<core::ClassProvision> classes{
        {.class_name = "5А", .needed = 10, .held = 10},  // whole: not behind
        {.class_name = "5Ә", .needed = 10, .held = 2},
        {.class_name = "5Б", .needed = 10, .held = 6},
        {.class_name = "0А", .needed = 0, .held = 0},  // no curriculum: not behind
    };
    std::vector<core::ClassDebtors> debtors{
        {.class_name = "7Б", .debtors = {{.card = "1", .items = {{.quantity = 1}}}}},
        {.class_name = "",
         .debtors = {{.card = "2", .items = {{.quantity = 2}, {.quantity = 1}}},
                     {.card = "3", .items = {{.quantity = 1}}}}},
    };
    const ReportsPanel panel = summarise(provision, classes, debtors);
    EXPECT_EQ(panel.school_year, "2026-2027");
    ASSERT_EQ(panel.behind.size(), 2u);
    EXPECT_EQ(panel.behind[0].class_name, "5Ә");
    EXPECT_EQ(panel.behind[1].class_name, "5Б");
    ASSERT_EQ(panel.debts.size(), 2u);
    EXPECT_EQ(panel.debts[0].class_name, "");  // four books among two readers
    EXPECT_EQ(panel.debts[0].readers, 2);
    EXPECT_EQ(panel.debts[0].items, 4);
    EXPECT_EQ(panel.debts[1].items, 1);
}

}  // namespace
}  // namespace kitap::kiosk
