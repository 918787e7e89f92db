#include "kiosk/gui/screens/demo_strip.hpp"

#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>
#include <vector>

namespace kitap::kiosk {

float demo_strip_width(float scale) { return 300 * scale; }

DemoIntent draw(const DemoStrip& strip, ImVec2 viewport_pos, ImVec2 viewport_size, const ScreenContext& context) {
    const Theme& theme = context.theme;
    DemoIntent intent;
    const float width = demo_strip_width(theme.scale);
    const ImVec2 pos(viewport_pos.x + viewport_size.x - width, viewport_pos.y);
    begin_area("##demo", pos, ImVec2(width, viewport_size.y), colours::demo);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float pad = theme.px(14);
    float y = pos.y + theme.px(12);
    y += text_wrapped(list, theme.fonts.bold, ImVec2(pos.x + pad, y), width - 2 * pad, colours::on_bar,
                      context.tr("kiosk.demo.title"));
    y += theme.px(2);
    y += text_wrapped(list, theme.fonts.small, ImVec2(pos.x + pad, y), width - 2 * pad, IM_COL32(255, 255, 255, 180),
                      context.tr("kiosk.demo.hint")) +
         theme.px(10);

    // Each sample: a coloured edge (teal: a card, green: a book), what it is, its code.
    const float gap = theme.px(8), inner = theme.px(10), edge = theme.px(8);
    const float text_w = width - 2 * pad - edge - 2 * inner;
    const float line = theme.fonts.small->FontSize;
    std::vector<float> heights;
    float total = 0;
    for (const auto& card : strip.cards) {
        const float label_h = std::min(wrapped_height(theme.fonts.small, text_w, context.tr(card.label_key)), 2 * line);
        heights.push_back(std::max(theme.px(64), label_h + line + theme.px(4) + 2 * inner));
        total += heights.back() + gap;
    }
    const float bottom = pos.y + viewport_size.y - theme.px(10);
    if (total > 0 && y + total > bottom) {  // too many for the screen: shrink them alike
        const float shrink = (bottom - y) / total;
        for (float& h : heights) h *= shrink;
    }
    for (std::size_t i = 0; i < strip.cards.size(); ++i) {
        const DemoCard& card = strip.cards[i];
        const ImVec2 at(pos.x + pad, y);
        const ImVec2 size(width - 2 * pad, heights[i]);
        ImGui::SetCursorScreenPos(at);
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::InvisibleButton("##sample", size)) intent.scan = card.code;
        const bool held = ImGui::IsItemActive();
        ImGui::PopID();
        const ImVec2 end(at.x + size.x, at.y + size.y);
        list.AddRectFilled(at, end, held ? colours::line : colours::panel, theme.px(10));
        list.AddRectFilled(at, ImVec2(at.x + edge, end.y), card.is_card ? colours::primary : colours::success,
                           theme.px(10), ImDrawFlags_RoundCornersLeft);
        const float text_x = at.x + edge + inner;
        const std::string label = context.tr(card.label_key);
        const float label_h = std::min(wrapped_height(theme.fonts.small, text_w, label), 2 * line);
        const float ty = at.y + (size.y - (label_h + line + theme.px(2))) / 2;
        ImGui::PushClipRect(ImVec2(text_x, ty), ImVec2(end.x, ty + label_h), true);
        text_wrapped(list, theme.fonts.small, ImVec2(text_x, ty), text_w, colours::ink, label);
        ImGui::PopClipRect();
        text_at(list, theme.fonts.small, ImVec2(text_x, ty + label_h + theme.px(2)), colours::muted,
                fit_text(theme.fonts.small, text_w, card.code));
        y += size.y + gap;
    }
    end_area();
    return intent;
}

}  // namespace kitap::kiosk
