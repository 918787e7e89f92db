#include "kiosk/gui/screens/reports_panel.hpp"

#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

constexpr std::size_t shown_behind = 3;  // below twelve grades, what fits a 1280x800 screen
constexpr std::size_t shown_debts = 12;

// "7 — 1,234 / 1,500" beside a bar with the percentage.
void bar_line(ImDrawList& list, const ScreenContext& context, float x, float& y, float width, const std::string& label,
              int held, int needed) {
    const Theme& theme = context.theme;
    const int percent = needed > 0 ? held * 100 / needed : 0;
    const float label_w = theme.px(92);
    const std::string figure = context.tr("kiosk.issuance.percent", {{"percent", std::to_string(percent)}});
    const float figure_w = theme.px(80);
    text_at(list, theme.fonts.bold, ImVec2(x, y), colours::ink, fit_text(theme.fonts.bold, label_w, label));
    progress_bar(list, ImVec2(x + label_w, y + theme.px(9)), ImVec2(width - label_w - figure_w, theme.px(14)),
                 static_cast<float>(percent) / 100.0f);
    text_at(list, theme.fonts.body, ImVec2(x + width - figure_w + theme.px(10), y), colours::ink, figure);
    y += theme.fonts.bold->FontSize + theme.px(8);
}

void draw_provision(const ReportsPanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    float y = area.y;
    y += text_wrapped(list, theme.fonts.bold, ImVec2(area.x, y), area.width, colours::ink,
                      tr("kiosk.reports.provision", {{"year", panel.school_year}})) +
         theme.px(8);
    for (const auto& grade : panel.grades)
        bar_line(list, context, area.x, y, area.width,
                 tr("kiosk.reports.grade", {{"grade", std::to_string(grade.grade)}}), grade.issued, grade.needed);
    if (panel.behind.empty()) return;
    y += theme.px(10);
    y += text_wrapped(list, theme.fonts.bold, ImVec2(area.x, y), area.width, colours::ink, tr("kiosk.reports.behind")) +
         theme.px(8);
    for (const auto& school_class : panel.behind)
        bar_line(list, context, area.x, y, area.width, school_class.class_name, school_class.held, school_class.needed);
}

void draw_debts(const ReportsPanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    float y = area.y;
    y +=
        text_wrapped(list, theme.fonts.bold, ImVec2(area.x, y), area.width, colours::ink, tr("kiosk.reports.debtors")) +
        theme.px(8);
    if (panel.debts.empty()) {
        text_wrapped(list, theme.fonts.body, ImVec2(area.x, y), area.width, colours::muted,
                     tr("kiosk.reports.no_debtors"));
        return;
    }
    for (const auto& debt : panel.debts) {
        const std::string who = debt.class_name.empty() ? tr("kiosk.reports.no_class") : debt.class_name;
        const std::string line =
            tr("kiosk.reports.debt_line",
               {{"class", who}, {"readers", std::to_string(debt.readers)}, {"items", std::to_string(debt.items)}});
        y += icon_line(list, ImVec2(area.x, y), area.width,
                       {Icon::warning, colours::warning, theme.fonts.body, colours::ink}, line, theme.scale) +
             theme.px(2);
    }
    y += theme.px(6);
    text_wrapped(list, theme.fonts.small, ImVec2(area.x, y), area.width, colours::muted,
                 tr("kiosk.reports.full_reports"));
}

}  // namespace

ReportsPanel summarise(const core::ProvisionReport& provision, std::vector<core::ClassProvision> classes,
                       const std::vector<core::ClassDebtors>& debtors) {
    ReportsPanel panel{.school_year = provision.school_year, .grades = provision.grades};
    std::erase_if(classes, [](const core::ClassProvision& c) { return c.needed == 0 || c.held >= c.needed; });
    std::stable_sort(classes.begin(), classes.end(),
                     [](const auto& a, const auto& b) { return a.percent() < b.percent(); });
    classes.resize(std::min(classes.size(), shown_behind));
    panel.behind = std::move(classes);
    for (const auto& group : debtors) {
        ReportsPanel::ClassDebt debt{.class_name = group.class_name, .readers = static_cast<int>(group.debtors.size())};
        for (const auto& debtor : group.debtors)
            for (const auto& item : debtor.items) debt.items += item.quantity;
        panel.debts.push_back(std::move(debt));
    }
    std::stable_sort(panel.debts.begin(), panel.debts.end(),
                     [](const auto& a, const auto& b) { return a.items > b.items; });
    panel.debts.resize(std::min(panel.debts.size(), shown_debts));
    return panel;
}

void draw(const ReportsPanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    text_at(list, theme.fonts.large, ImVec2(area.x, area.y), colours::ink, context.tr("kiosk.reports.title"));
    const float top = area.y + theme.fonts.large->FontSize + theme.px(14);
    const float half = (area.width - theme.px(28)) / 2;
    ImGui::PushClipRect(ImVec2(area.x, top), ImVec2(area.x + area.width, area.y + area.height), true);
    draw_provision(panel, context, {area.x, top, half, area.y + area.height - top});
    draw_debts(panel, context, {area.x + half + theme.px(28), top, half, area.y + area.height - top});
    ImGui::PopClipRect();
}

}  // namespace kitap::kiosk
