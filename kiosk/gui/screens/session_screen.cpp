#include "kiosk/gui/screens/session_screen.hpp"

#include "kiosk/app/outcome_text.hpp"
#include "kiosk/gui/screens/outcome_banner.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

// One loan: its title and due date, late ones marked by an icon and words besides the
// colour; a Renew button where core says it can be renewed (true when tapped).
bool draw_held_item(ImDrawList& list, const core::SessionItem& line, ImVec2 pos, float width, float height,
                    const ScreenContext& context) {
    const Theme& theme = context.theme;
    const core::HeldItem& item = line.item;
    const bool overdue = line.late;
    const ImVec2 end(pos.x + width, pos.y + height);
    list.AddRectFilled(pos, end, overdue ? colours::warning_tint : colours::panel, theme.px(12));
    if (overdue) list.AddRect(pos, end, colours::warning, theme.px(12), ImDrawFlags_None, theme.px(3));
    const float icon = theme.px(40);
    const ImVec2 centre(pos.x + theme.px(16) + icon / 2, pos.y + height / 2);
    if (overdue)
        draw_icon(list, Icon::warning, centre, icon, colours::warning);
    else
        draw_icon(list, Icon::book, centre, icon, colours::primary);
    const float text_x = pos.x + theme.px(32) + icon;
    const float button_w = line.renewable ? theme.px(180) : 0;
    const float text_w = end.x - text_x - theme.px(12) - (line.renewable ? button_w + theme.px(12) : 0);
    std::string title = item.title;
    if (item.quantity > 1) title += " ×" + std::to_string(item.quantity);
    text_at(list, theme.fonts.bold, ImVec2(text_x, pos.y + theme.px(8)), colours::ink,
            fit_text(theme.fonts.bold, text_w, title));
    const std::string date = app::display_date(item.due, context.tr.language());
    const std::string due = overdue ? context.tr("kiosk.session.overdue", {{"due", date}})
                                    : context.tr("kiosk.session.due", {{"due", date}});
    ImFont* due_font = overdue ? theme.fonts.bold : theme.fonts.small;
    text_at(list, due_font, ImVec2(text_x, pos.y + theme.px(8) + theme.fonts.bold->FontSize + theme.px(2)),
            overdue ? colours::warning : colours::muted, fit_text(due_font, text_w, due));
    if (!line.renewable) return false;
    ImGui::SetCursorScreenPos(ImVec2(end.x - button_w - theme.px(12), pos.y + theme.px(10)));
    ImGui::PushID(static_cast<int>(item.loan_id));
    const bool tapped = touch_button("##renew", context.tr("kiosk.session.renew"),
                                     ImVec2(button_w, height - theme.px(20)), ButtonKind::secondary, theme.fonts.bold);
    ImGui::PopID();
    return tapped;
}

void draw_countdown(ImDrawList& list, const SessionScreen& screen, ImVec2 c0, float side_w, bool warning,
                    const ScreenContext& context) {
    const Theme& theme = context.theme;
    const float clock = theme.px(48);
    draw_icon(list, Icon::clock, ImVec2(c0.x + theme.px(20) + clock / 2, c0.y + theme.px(20) + clock / 2), clock,
              warning ? colours::warning : colours::muted);
    if (warning) {
        const std::string seconds = context.tr("kiosk.seconds", {{"seconds", std::to_string(screen.seconds_left)}});
        text_at(list, theme.fonts.large,
                ImVec2(c0.x + theme.px(40) + clock, c0.y + theme.px(20) + (clock - theme.fonts.large->FontSize) / 2),
                colours::warning, seconds);
    }
    const std::string countdown = context.tr(warning ? "kiosk.session.ending" : "kiosk.session.idle",
                                             {{"seconds", std::to_string(screen.seconds_left)}});
    text_wrapped(list, warning ? theme.fonts.bold : theme.fonts.small,
                 ImVec2(c0.x + theme.px(20), c0.y + theme.px(36) + clock), side_w - theme.px(40),
                 warning ? colours::warning : colours::muted, countdown);
}

// "My textbooks: 7 of 9", then the ones still to get, each with a book icon; a
// tick and words when the set is whole.
void draw_class_set(ImDrawList& list, const core::SetProgress& set, ImVec2 c0, ImVec2 c1,
                    const ScreenContext& context) {
    const Theme& theme = context.theme;
    const int needed = set.needed, held = set.held;
    const float x = c0.x + theme.px(20), width = c1.x - c0.x - theme.px(40);
    float y = c0.y + theme.px(18);
    y += text_wrapped(list, theme.fonts.bold, ImVec2(x, y), width, colours::ink,
                      context.tr("kiosk.session.class_set",
                                 {{"held", std::to_string(held)}, {"needed", std::to_string(needed)}})) +
         theme.px(8);
    progress_bar(list, ImVec2(x, y), ImVec2(width, theme.px(12)), needed > 0 ? static_cast<float>(held) / needed : 0);
    y += theme.px(24);
    if (held >= needed) {
        draw_icon(list, Icon::check, ImVec2(x + theme.px(14), y + theme.px(14)), theme.px(26), colours::success);
        text_wrapped(list, theme.fonts.body, ImVec2(x + theme.px(36), y), width - theme.px(36), colours::success,
                     context.tr("kiosk.session.class_set_complete"));
        return;
    }
    y += text_wrapped(list, theme.fonts.small, ImVec2(x, y), width, colours::muted,
                      context.tr("kiosk.session.class_set_missing")) +
         theme.px(6);
    for (const auto& line : set.lines) {
        if (line.missing() == 0) continue;
        std::string title = line.title;
        if (line.missing() > 1) title += " ×" + std::to_string(line.missing());
        // Only whole lines: a title cut in half reads as a different book.
        if (y + wrapped_height(theme.fonts.small, width - theme.px(32), title) > c1.y) break;
        y += icon_line(list, ImVec2(x, y), width, {Icon::book, colours::primary, theme.fonts.small, colours::ink},
                       title, theme.scale);
    }
}

}  // namespace

std::string reader_subtitle(const core::ReaderSummary& reader, const app::Translator& tr) {
    if (reader.category == core::ReaderCategory::pupil && !reader.class_name.empty())
        return tr("kiosk.session.class", {{"class", reader.class_name}});
    return tr("category." + std::string(core::to_string(reader.category)));
}

SessionIntent draw(const SessionScreen& screen, const ScreenContext& context) {
    const Theme& theme = context.theme;
    SessionIntent intent;
    begin_area("##session", context.origin, context.size, colours::paper);
    intent.top = draw_top_bar(screen.top, context);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float x0 = context.origin.x + theme.px(28);
    const float right = context.origin.x + context.size.x - theme.px(28);
    const float bottom = context.origin.y + context.size.y - theme.px(24);
    float y = context.origin.y + top_bar_height(theme.scale) + theme.px(16);

    // Who: the name large, the class beside it.
    const std::string subtitle = reader_subtitle(screen.reader, context.tr);
    const float subtitle_w = text_size(theme.fonts.body, subtitle).x;
    draw_icon(list, Icon::card, ImVec2(x0 + theme.px(30), y + theme.px(28)), theme.px(60), colours::primary);
    const float name_x = x0 + theme.px(76);
    text_at(list, theme.fonts.large, ImVec2(name_x, y + theme.px(4)), colours::ink,
            fit_text(theme.fonts.large, right - name_x - subtitle_w - theme.px(40), screen.reader.name));
    const float name_w =
        std::min(text_size(theme.fonts.large, screen.reader.name).x, right - name_x - subtitle_w - theme.px(40));
    const ImVec2 chip(name_x + name_w + theme.px(20), y + theme.px(10));
    list.AddRectFilled(chip, ImVec2(chip.x + subtitle_w + theme.px(28), chip.y + theme.px(44)), colours::bar,
                       theme.px(22));
    text_at(list, theme.fonts.body, ImVec2(chip.x + theme.px(14), chip.y + theme.px(4)), colours::on_bar, subtitle);
    y += theme.px(76);

    // Across the top, what the last scan did; below it what I hold, and on the
    // right, where a hand reaches, the countdown and Done.
    const float gap = theme.px(24);
    const float banner_h = theme.px(184);
    float banner_w = right - x0;
    if (screen.camera) {
        const float camera_w = banner_h * 4 / 3;
        banner_w -= camera_w + gap;
        draw_camera_panel(*screen.camera, ImVec2(right - camera_w, y), ImVec2(camera_w, banner_h), context);
    }
    if (screen.banner)
        draw_banner(list, banner_text(*screen.banner, context.tr), ImVec2(x0, y), ImVec2(banner_w, banner_h), theme);
    y += banner_h + gap;

    const float side_w = (right - x0) * 0.34f;
    const float side_x = right - side_w;
    const float list_x = x0;
    const float list_right = side_x - gap;
    const float done_h = theme.px(120);

    // The idle countdown: quiet at first, a clear warning for the last seconds.
    // Until then a pupil's box shows the class set: what I have, what I still need.
    const bool warning = screen.seconds_left <= screen.warn_below;
    const ImVec2 c0(side_x, y), c1(right, bottom - done_h - gap);
    list.AddRectFilled(c0, c1, warning ? colours::warning_tint : colours::panel, theme.px(16));
    if (warning) list.AddRect(c0, c1, colours::warning, theme.px(16), ImDrawFlags_None, theme.px(3));
    ImGui::PushClipRect(c0, c1, true);
    if (!warning && screen.class_set) {
        // The quiet countdown keeps one line at the bottom of the box.
        const float line_h = theme.fonts.small->FontSize + theme.px(16);
        ImGui::PushClipRect(c0, ImVec2(c1.x, c1.y - line_h), true);
        draw_class_set(list, *screen.class_set, c0, ImVec2(c1.x, c1.y - line_h), context);
        ImGui::PopClipRect();
        draw_icon(list, Icon::clock, ImVec2(c0.x + theme.px(32), c1.y - line_h / 2), theme.px(22), colours::muted);
        text_at(list, theme.fonts.small, ImVec2(c0.x + theme.px(52), c1.y - line_h + theme.px(6)), colours::muted,
                context.tr("kiosk.session.idle_short", {{"seconds", std::to_string(screen.seconds_left)}}));
    } else {
        draw_countdown(list, screen, c0, side_w, warning, context);
    }
    ImGui::PopClipRect();

    ImGui::SetCursorScreenPos(ImVec2(side_x, bottom - done_h));
    intent.done = touch_button("##done", context.tr("kiosk.session.done"), ImVec2(side_w, done_h), ButtonKind::primary,
                               theme.fonts.title);

    // What I hold, overdue first (marked by an icon and words, not colour alone).
    const std::string heading = context.tr("kiosk.session.holding", {{"count", std::to_string(screen.held.size())}});
    text_at(list, theme.fonts.bold, ImVec2(list_x, y), colours::ink,
            fit_text(theme.fonts.bold, list_right - list_x, heading));
    const float list_top = y + theme.fonts.bold->FontSize + theme.px(12);
    if (screen.held.empty()) {
        text_wrapped(list, theme.fonts.body, ImVec2(list_x, list_top + theme.px(8)), list_right - list_x,
                     colours::muted, context.tr("kiosk.session.holding_nothing"));
    } else {
        ImGui::SetCursorScreenPos(ImVec2(list_x, list_top));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::paper);
        ImGui::BeginChild("##held", ImVec2(list_right - list_x, bottom - list_top), false,
                          ImGuiWindowFlags_NoScrollWithMouse);
        drag_to_scroll();
        ImDrawList& rows = *ImGui::GetWindowDrawList();
        const float row_h = theme.px(84), row_w = ImGui::GetContentRegionAvail().x;
        for (const auto& line : screen.held) {  // core puts the late ones first
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (draw_held_item(rows, line, at,
                               row_w - (ImGui::GetScrollMaxY() > 0 ? ImGui::GetStyle().ScrollbarSize : 0), row_h,
                               context))
                intent.renew = core::RenewLoan{line.item.loan_id};
            ImGui::SetCursorScreenPos(at);
            ImGui::Dummy(ImVec2(row_w, row_h));
        }
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    end_area();
    return intent;
}

}  // namespace kitap::kiosk
