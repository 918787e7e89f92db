#include "kiosk/gui/screens/fault_screen.hpp"

#include "kiosk/gui/ui/keypad_layout.hpp"
#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>

namespace kitap::kiosk {

FaultIntent draw(const FaultScreen& screen, const ScreenContext& context) {
    const Theme& theme = context.theme;
    FaultIntent intent;
    begin_area("##fault", context.origin, context.size, colours::paper);
    intent.top = draw_top_bar(screen.top, context);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const std::string kind(to_string(screen.fault.kind));
    const float x0 = context.origin.x + theme.px(64);
    const float width = context.size.x - theme.px(128);
    float y = context.origin.y + top_bar_height(theme.scale) + theme.px(48);

    // The card is drawn behind its text once the text's height is known.
    list.ChannelsSplit(2);
    list.ChannelsSetCurrent(1);
    const ImVec2 c0(x0, y);
    draw_icon(list, Icon::warning, ImVec2(x0 + width / 2, y + theme.px(80)), theme.px(104), colours::warning);
    y += theme.px(150);

    const float text_x = x0 + theme.px(48), text_w = width - theme.px(96);
    const std::string title = context.tr("kiosk.fault." + kind + ".title");
    ImFont* title_font = text_size(theme.fonts.title, title).x > text_w ? theme.fonts.large : theme.fonts.title;
    text_centred(list, title_font, ImVec2(x0 + width / 2, y + title_font->FontSize / 2), colours::ink,
                 fit_text(title_font, text_w, title));
    y += title_font->FontSize + theme.px(20);
    y += text_wrapped(list, theme.fonts.body, ImVec2(text_x, y), text_w, colours::ink,
                      context.tr("kiosk.fault." + kind + ".text")) +
         theme.px(16);
    if (screen.fault.is_database()) {
        y += text_wrapped(list, theme.fonts.body, ImVec2(text_x, y), text_w, colours::success,
                          context.tr(screen.scan_lost ? "kiosk.fault.scan_not_recorded" : "kiosk.fault.nothing_lost")) +
             theme.px(16);
    }
    if (screen.fault.is_database())  // a scanner says itself when it is back
        y += text_wrapped(list, theme.fonts.bold, ImVec2(text_x, y), text_w, colours::muted,
                          context.tr("kiosk.fault.retrying", {{"seconds", std::to_string(screen.retry_seconds)}})) +
             theme.px(16);
    // For the librarian or whoever they call: the technical detail, small.
    y += text_wrapped(list, theme.fonts.small, ImVec2(text_x, y), text_w, colours::muted, screen.fault.detail);
    const ImVec2 c1(x0 + width, std::min(y + theme.px(40), context.origin.y + context.size.y - theme.px(24)));
    list.ChannelsSetCurrent(0);
    list.AddRectFilled(c0, c1, colours::panel, theme.px(24));
    list.AddRect(c0, c1, colours::warning, theme.px(24), ImDrawFlags_None, theme.px(4));
    list.ChannelsMerge();
    end_area();
    return intent;
}

}  // namespace kitap::kiosk
