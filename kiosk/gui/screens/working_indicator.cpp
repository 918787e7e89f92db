#include "kiosk/gui/screens/working_indicator.hpp"

#include "kiosk/gui/ui/keypad_layout.hpp"
#include "kiosk/gui/ui/widgets.hpp"

namespace kitap::kiosk {

void draw(const WorkingIndicator& indicator, const ScreenContext& context) {
    const Theme& theme = context.theme;
    ImDrawList& list = *ImGui::GetForegroundDrawList();
    const std::string text = context.tr("kiosk.working");
    ImFont* font = theme.fonts.small;
    const ImVec2 text_extent = text_size(font, text);
    constexpr int dots = 3;
    const float dot = theme.px(6), gap = theme.px(10), pad = theme.px(16);
    const float width = pad + dots * dot * 2 + (dots - 1) * gap + pad + text_extent.x + pad;
    const float height = std::max(text_extent.y, dot * 2) + pad;
    // Just under the top bar, at its right end: clear of the screens' headings and banners.
    const ImVec2 p0(context.origin.x + context.size.x - width - theme.px(16),
                    context.origin.y + top_bar_height(theme.scale) + theme.px(12));
    list.AddRectFilled(p0, ImVec2(p0.x + width, p0.y + height), colours::bar, height / 2);
    const float centre_y = p0.y + height / 2;
    for (int i = 0; i < dots; ++i) {
        const float x = p0.x + pad + dot + static_cast<float>(i) * (dot * 2 + gap);
        const bool lit = indicator.phase % dots == i;
        list.AddCircleFilled(ImVec2(x, centre_y), lit ? dot : dot * 0.6f, lit ? colours::on_bar : colours::muted);
    }
    text_at(list, font, ImVec2(p0.x + width - pad - text_extent.x, centre_y - text_extent.y / 2), colours::on_bar,
            text);
}

}  // namespace kitap::kiosk
