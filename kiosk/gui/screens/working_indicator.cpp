#include "kiosk/gui/screens/working_indicator.hpp"

#include "kiosk/gui/ui/widgets.hpp"

namespace kitap::kiosk {

void draw(const WorkingIndicator& indicator, const ScreenContext& context) {
    const Theme& theme = context.theme;
    ImDrawList& list = *ImGui::GetForegroundDrawList();
    const std::string text = context.tr("kiosk.working");
    const ImVec2 text_extent = text_size(theme.fonts.bold, text);
    constexpr int dots = 3;
    const float dot = theme.px(8), gap = theme.px(14), pad = theme.px(24);
    const float width = pad + dots * dot * 2 + (dots - 1) * gap + pad + text_extent.x + pad;
    const float height = std::max(text_extent.y, dot * 2) + pad;
    const ImVec2 p0(context.origin.x + (context.size.x - width) / 2,
                    context.origin.y + context.size.y - height - theme.px(32));
    list.AddRectFilled(p0, ImVec2(p0.x + width, p0.y + height), colours::bar, height / 2);
    const float centre_y = p0.y + height / 2;
    for (int i = 0; i < dots; ++i) {
        const float x = p0.x + pad + dot + static_cast<float>(i) * (dot * 2 + gap);
        const bool lit = indicator.phase % dots == i;
        list.AddCircleFilled(ImVec2(x, centre_y), lit ? dot : dot * 0.6f, lit ? colours::on_bar : colours::muted);
    }
    text_at(list, theme.fonts.bold, ImVec2(p0.x + width - pad - text_extent.x, centre_y - text_extent.y / 2),
            colours::on_bar, text);
}

}  // namespace kitap::kiosk
