#include "kiosk/gui/screens/returns_panel.hpp"

#include "kiosk/app/outcome_text.hpp"
#include "kiosk/gui/screens/outcome_banner.hpp"
#include "kiosk/gui/ui/widgets.hpp"

namespace kitap::kiosk {
namespace {

constexpr float heading_height = 96, button_height = 76, banner_height = 150;

// One line per book: its title, and the condition it came back in when not good.
void draw_returned(const ReturnsPanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImGui::PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.width, area.y + area.height), true);
    float y = area.y;
    text_at(list, theme.fonts.bold, ImVec2(area.x, y), colours::ink,
            tr("kiosk.returns.returned", {{"count", std::to_string(panel.returned.size())}}));
    y += theme.fonts.bold->FontSize + theme.px(8);
    for (const auto& outcome : panel.returned) {
        std::string line = outcome.title;
        const core::Condition condition = outcome.condition.value_or(core::Condition::good);
        if (condition != core::Condition::good)
            line += " — " + tr("kiosk.returns.condition." + std::string(core::to_string(condition)));
        // Whose book it was, when it was not the pupil at the desk now.
        if (outcome.reader && (!panel.reader || panel.reader->card != outcome.reader->card))
            line += " (" + outcome.reader->name + ")";
        const bool marked = condition != core::Condition::good;
        y += icon_line(list, ImVec2(area.x, y), area.width,
                       {marked ? Icon::warning : Icon::check, marked ? colours::warning : colours::success,
                        theme.fonts.small, colours::ink},
                       line, theme.scale);
    }
    ImGui::PopClipRect();
}

void draw_still_held(const ReturnsPanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    ImGui::PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.width, area.y + area.height), true);
    float y = area.y;
    if (!panel.reader) {
        text_wrapped(list, theme.fonts.body, ImVec2(area.x, y), area.width, colours::muted,
                     tr("kiosk.returns.no_reader"));
        ImGui::PopClipRect();
        return;
    }
    y += text_wrapped(list, theme.fonts.bold, ImVec2(area.x, y), area.width, colours::ink,
                      tr("kiosk.returns.still_holds",
                         {{"name", panel.reader->name}, {"count", std::to_string(panel.held.size())}})) +
         theme.px(8);
    for (const auto& item : panel.held) {
        std::string line = item.title;
        if (item.quantity > 1) line += " ×" + std::to_string(item.quantity);
        const bool overdue = item.due < context.today;  // said in words too, not by colour alone
        if (overdue) line += " — " + tr("kiosk.session.overdue", {{"due", app::display_date(item.due, tr.language())}});
        const ImU32 colour = overdue ? colours::warning : colours::primary;
        y += icon_line(list, ImVec2(area.x, y), area.width,
                       {overdue ? Icon::warning : Icon::book, colour, theme.fonts.small,
                        overdue ? colours::warning : colours::ink},
                       line, theme.scale);
    }
    ImGui::PopClipRect();
}

}  // namespace

ReturnsLayout returns_layout(Rect area, float scale) {
    ReturnsLayout layout;
    const float gap = 12 * scale, button_h = button_height * scale;
    const float width = (area.width - 3 * gap) / 4;
    const float y = area.y + heading_height * scale;
    for (std::size_t i = 0; i < layout.conditions.size(); ++i)
        layout.conditions[i] = {area.x + i * (width + gap), y, width, button_h};
    layout.next_pupil = {area.x, area.y + area.height - button_h, area.width * 0.5f, button_h};
    return layout;
}

ReturnsIntent draw(const ReturnsPanel& panel, const ScreenContext& context, Rect area) {
    const Theme& theme = context.theme;
    const auto& tr = context.tr;
    ReturnsIntent intent;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const ReturnsLayout layout = returns_layout(area, theme.scale);
    text_at(list, theme.fonts.large, ImVec2(area.x, area.y), colours::ink, tr("kiosk.returns.title"));
    text_wrapped(list, theme.fonts.small, ImVec2(area.x, area.y + theme.fonts.large->FontSize + theme.px(4)),
                 area.width, colours::muted, tr("kiosk.returns.hint"));

    // The condition the next book is taken back in; it falls back to good after each return.
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        const std::string name(core::to_string(conditions[i]));
        const std::string id = "##condition_" + name;
        if (touch_button(id.c_str(), tr("kiosk.returns.condition." + name), place_at(layout.conditions[i]),
                         panel.condition == conditions[i] ? ButtonKind::primary : ButtonKind::secondary,
                         theme.fonts.bold))
            intent.condition = conditions[i];
    }

    float y = layout.conditions[0].y + layout.conditions[0].height + theme.px(16);
    if (panel.banner) {
        draw_banner(list, banner_text(*panel.banner, tr), ImVec2(area.x, y),
                    ImVec2(area.width, theme.px(banner_height)), theme);
        y += theme.px(banner_height) + theme.px(16);
    }
    const float bottom = layout.next_pupil.y - theme.px(12);
    const float half = (area.width - theme.px(20)) / 2;
    draw_returned(panel, context, {area.x, y, half, bottom - y});
    draw_still_held(panel, context, {area.x + half + theme.px(20), y, half, bottom - y});

    intent.next_pupil = touch_button("##next_pupil", tr("kiosk.returns.next_pupil"), place_at(layout.next_pupil),
                                     ButtonKind::secondary, theme.fonts.bold, panel.reader.has_value());
    return intent;
}

}  // namespace kitap::kiosk
