#include "kiosk/gui/screens/welcome_screen.hpp"

#include "kiosk/gui/screens/outcome_banner.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "kiosk/gui/ui/widgets.hpp"

namespace kitap::kiosk {
namespace {

// A card with its barcode under a hand scanner's red light: where to hold the card.
void draw_card_under_scanner(ImDrawList& list, ImVec2 centre, float size, const Theme& theme) {
    const float s = size;
    const auto p = [&](float x, float y) { return ImVec2(centre.x + x * s, centre.y + y * s); };
    // the card, lower left
    const ImVec2 c0 = p(-0.5f, -0.02f), c1 = p(0.22f, 0.44f);
    list.AddRectFilled(ImVec2(c0.x + s * 0.02f, c0.y + s * 0.02f), ImVec2(c1.x + s * 0.02f, c1.y + s * 0.02f),
                       IM_COL32(0, 0, 0, 40), s * 0.05f);
    list.AddRectFilled(c0, c1, colours::panel, s * 0.05f);
    list.AddRect(c0, c1, colours::primary, s * 0.05f, ImDrawFlags_None, theme.px(4));
    list.AddRectFilled(c0, ImVec2(c1.x, c0.y + s * 0.09f), colours::primary, s * 0.05f, ImDrawFlags_RoundCornersTop);
    const float bars[] = {0, 2, 3, 6, 8, 9, 12, 13, 15, 18, 19, 21, 24, 26, 27, 30, 32, 33};
    const float unit = (c1.x - c0.x - s * 0.16f) / 34;
    for (float b : bars)
        list.AddRectFilled(ImVec2(c0.x + s * 0.08f + b * unit, c0.y + s * 0.16f),
                           ImVec2(c0.x + s * 0.08f + (b + 1) * unit, c1.y - s * 0.07f), colours::ink);
    const float line_y = (c0.y + s * 0.16f + c1.y - s * 0.07f) / 2;
    // the scanner, upper right: its head points down-left at the barcode, the handle goes back
    const ImVec2 tip = p(0.12f, -0.3f);
    const ImVec2 head[] = {tip, p(0.2f, -0.42f), p(0.48f, -0.3f), p(0.4f, -0.18f)};
    const ImVec2 handle[] = {p(0.34f, -0.26f), p(0.44f, -0.21f), p(0.56f, 0.02f), p(0.46f, 0.07f)};
    // the light: from the scanner's window onto the barcode, ending in the red line
    list.AddTriangleFilled(p(0.13f, -0.27f), ImVec2(c0.x + s * 0.06f, line_y), ImVec2(c1.x - s * 0.06f, line_y),
                           IM_COL32(0xE5, 0x39, 0x35, 0x40));
    list.AddConvexPolyFilled(handle, 4, colours::ink);
    list.AddConvexPolyFilled(head, 4, colours::ink);
    list.AddLine(p(0.13f, -0.3f), p(0.19f, -0.39f), IM_COL32(0xE5, 0x39, 0x35, 0xFF), theme.px(5));
    list.AddLine(ImVec2(c0.x + s * 0.05f, line_y), ImVec2(c1.x - s * 0.05f, line_y), IM_COL32(0xE5, 0x39, 0x35, 0xFF),
                 theme.px(5));
}

}  // namespace

WelcomeIntent draw(const WelcomeScreen& screen, const ScreenContext& context) {
    const Theme& theme = context.theme;
    WelcomeIntent intent;
    begin_area("##welcome", context.origin, context.size, colours::paper);
    intent.top = draw_top_bar(screen.top, context);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float top = context.origin.y + top_bar_height(theme.scale);
    const float x0 = context.origin.x, width = context.size.x;
    const float bottom = context.origin.y + context.size.y;
    const float banner_h = theme.px(176);
    const bool has_banner = screen.banner.has_value();

    float y = top + theme.px(36);
    const std::string title = context.tr("kiosk.welcome.title");
    ImFont* title_font =
        text_size(theme.fonts.title, title).x > width - theme.px(48) ? theme.fonts.large : theme.fonts.title;
    text_centred(list, title_font, ImVec2(x0 + width / 2, y + title_font->FontSize / 2), colours::ink,
                 fit_text(title_font, width - theme.px(48), title));
    y += title_font->FontSize + theme.px(24);
    if (screen.link.offline()) {
        // The pupil's books are taken all the same; the line says they are checked later.
        const std::string offline =
            context.tr("kiosk.welcome.offline", {{"waiting", std::to_string(screen.link.journal_waiting)}});
        const float line_h = theme.fonts.body->FontSize + theme.px(16);
        list.AddRectFilled(ImVec2(x0 + theme.px(48), y - theme.px(12)),
                           ImVec2(x0 + width - theme.px(48), y + line_h - theme.px(12)), colours::warning_tint,
                           theme.px(8));
        text_centred(list, theme.fonts.body, ImVec2(x0 + width / 2, y + line_h / 2 - theme.px(12)), colours::warning,
                     fit_text(theme.fonts.body, width - theme.px(128), offline));
        y += line_h + theme.px(8);
    }

    // Below the picture, the hint and the hours: "Find a book", or the last scan's banner over it.
    const Rect find_button = find_book_button({x0, top, width, bottom - top}, theme.scale);
    const float picture_h = (has_banner ? bottom - banner_h - theme.px(48) : find_button.y - theme.px(16)) - y -
                            theme.px(has_banner ? 70 : 110);
    if (screen.camera) {
        const ImVec2 size(std::min(width * 0.62f, picture_h * 4 / 3), picture_h);
        draw_camera_panel(*screen.camera, ImVec2(x0 + (width - size.x) / 2, y), size, context);
    } else {
        draw_card_under_scanner(list, ImVec2(x0 + width / 2, y + picture_h * 0.52f), std::min(picture_h, theme.px(300)),
                                theme);
    }
    y += picture_h + theme.px(14);
    const std::string hint = context.tr(screen.camera ? "kiosk.welcome.hint.camera" : "kiosk.welcome.hint");
    const float hint_w = width - theme.px(96);
    y += text_wrapped(list, theme.fonts.body,
                      ImVec2(x0 + (width - std::min(hint_w, text_size(theme.fonts.body, hint).x)) / 2, y), hint_w,
                      colours::muted, hint);
    if (!screen.opening_hours.empty()) {
        const std::string hours = context.tr("kiosk.welcome.hours", {{"hours", screen.opening_hours}});
        text_centred(list, theme.fonts.small, ImVec2(x0 + width / 2, y + theme.px(24)), colours::muted,
                     fit_text(theme.fonts.small, width - theme.px(48), hours));
    }
    if (!screen.banner && !screen.link.offline())  // offline, the kiosk has no catalogue to search
        intent.find_book = touch_button("##find_book", context.tr("kiosk.find.open"), place_at(find_button),
                                        ButtonKind::primary, theme.fonts.large);
    if (screen.banner) {
        draw_banner(list, banner_text(*screen.banner, context.tr),
                    ImVec2(x0 + theme.px(32), bottom - banner_h - theme.px(28)), ImVec2(width - theme.px(64), banner_h),
                    theme);
    }
    end_area();
    return intent;
}

}  // namespace kitap::kiosk
