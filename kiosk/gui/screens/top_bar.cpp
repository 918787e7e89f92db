#include "kiosk/gui/screens/top_bar.hpp"

#include "kiosk/gui/ui/keypad_layout.hpp"
#include "kiosk/gui/ui/widgets.hpp"

namespace kitap::kiosk {
namespace {

constexpr app::Language languages[] = {app::Language::kk, app::Language::ru, app::Language::en};

std::string language_key(app::Language language) { return "kiosk.language." + std::string(to_string(language)); }

}  // namespace

TopBarIntent draw_top_bar(const TopBar& bar, const ScreenContext& context) {
    const Theme& theme = context.theme;
    TopBarIntent intent;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float height = top_bar_height(theme.scale);
    const ImVec2 pos = context.origin;
    const float right = pos.x + context.size.x;
    list.AddRectFilled(pos, ImVec2(right, pos.y + height), colours::bar);

    // The corner: a book icon that, held for two seconds, asks for the librarian's PIN.
    const Rect corner = librarian_corner(theme.scale);
    draw_icon(list, Icon::book, ImVec2(pos.x + corner.width / 2, pos.y + height / 2), theme.px(52), colours::on_bar);
    if (bar.librarian_corner) {
        ImGui::SetCursorScreenPos(ImVec2(pos.x + corner.x, pos.y + corner.y));
        ImGui::InvisibleButton("##librarian_corner", ImVec2(corner.width, corner.height));
        if (ImGui::IsItemActive()) {
            const float held = ImGui::GetIO().MouseDownDuration[0];
            // A ring fills while the finger stays, so the librarian knows to keep holding.
            const float turn = std::min(held / librarian_hold_seconds, 1.0f);
            list.PathArcTo(ImVec2(pos.x + corner.width / 2, pos.y + height / 2), theme.px(40), -1.5708f,
                           -1.5708f + turn * 6.2832f, 40);
            list.PathStroke(colours::on_bar, ImDrawFlags_None, theme.px(6));
            if (held >= librarian_hold_seconds) intent.librarian_requested = true;
        }
    }

    // Languages on the right, each named in itself.
    float x = right - theme.px(16);
    if (bar.show_languages) {
        const ImVec2 button = theme.px(140, 68);
        for (auto it = std::rbegin(languages); it != std::rend(languages); ++it) {
            x -= button.x;
            ImGui::SetCursorScreenPos(ImVec2(x, pos.y + (height - button.y) / 2));
            const std::string id = "##lang_" + std::string(to_string(*it));
            const bool current = *it == bar.language;
            if (touch_button(id.c_str(), context.tr(language_key(*it)), button,
                             current ? ButtonKind::selected : ButtonKind::quiet, theme.fonts.bold))
                intent.language = *it;
            x -= theme.px(12);
        }
    }

    // Clock and the quiet device dots between the name and the languages.
    const ImVec2 clock_size = text_size(theme.fonts.large, bar.clock);
    x -= clock_size.x + theme.px(12);
    text_at(list, theme.fonts.large, ImVec2(x, pos.y + (height - clock_size.y) / 2), colours::on_bar, bar.clock);
    for (auto it = bar.devices.rbegin(); it != bar.devices.rend(); ++it) {
        x -= theme.px(46);
        const ImVec2 centre(x + theme.px(17), pos.y + height / 2);
        draw_icon(list, it->camera ? Icon::camera : Icon::scanner, centre, theme.px(28),
                  it->ok ? colours::on_bar : IM_COL32(255, 255, 255, 90));
        if (!it->ok)
            list.AddLine(ImVec2(centre.x - theme.px(16), centre.y + theme.px(16)),
                         ImVec2(centre.x + theme.px(16), centre.y - theme.px(16)), colours::warning_tint, theme.px(4));
    }

    const float name_x = pos.x + corner.width;
    const float name_width = x - theme.px(24) - name_x;
    const std::string name = fit_text(theme.fonts.bold, name_width, bar.school_name);
    text_at(list, theme.fonts.bold, ImVec2(name_x, pos.y + (height - theme.fonts.bold->FontSize) / 2), colours::on_bar,
            name);
    return intent;
}

}  // namespace kitap::kiosk
