#include "kiosk/gui/screens/trust_screen.hpp"

#include "kiosk/gui/ui/widgets.hpp"

namespace kitap::kiosk {

std::vector<std::string> fingerprint_lines(const std::string& fingerprint) {
    constexpr std::size_t bytes_per_line = 8, chars_per_byte = 3;  // "3A:"
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < fingerprint.size(); at += bytes_per_line * chars_per_byte) {
        auto line = fingerprint.substr(at, bytes_per_line * chars_per_byte);
        if (line.ends_with(':')) line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

TrustIntent draw(const TrustScreen& screen, const ScreenContext& context) {
    const Theme& theme = context.theme;
    TrustIntent intent;
    begin_area("##trust", context.origin, context.size, colours::paper);
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float x0 = context.origin.x + theme.px(64), width = context.size.x - theme.px(128);
    float y = context.origin.y + theme.px(48);
    const std::string title = context.tr("kiosk.trust.title");
    text_centred(list, theme.fonts.large, ImVec2(x0 + width / 2, y + theme.fonts.large->FontSize / 2), colours::ink,
                 fit_text(theme.fonts.large, width, title));
    y += theme.fonts.large->FontSize + theme.px(24);
    y += text_wrapped(list, theme.fonts.body, ImVec2(x0, y), width, colours::ink,
                      context.tr("kiosk.trust.text", {{"server", screen.server}})) +
         theme.px(24);
    for (const auto& line : fingerprint_lines(screen.fingerprint)) {
        text_centred(list, theme.fonts.large, ImVec2(x0 + width / 2, y + theme.fonts.large->FontSize / 2),
                     colours::primary, line);
        y += theme.fonts.large->FontSize + theme.px(8);
    }
    y += theme.px(32);
    const ImVec2 button(std::min(width / 2 - theme.px(16), theme.px(360)), theme.touch());
    ImGui::SetCursorScreenPos(ImVec2(x0 + width / 2 - button.x - theme.px(16), y));
    intent.refuse =
        touch_button("##refuse", context.tr("kiosk.trust.refuse"), button, ButtonKind::secondary, theme.fonts.bold);
    ImGui::SetCursorScreenPos(ImVec2(x0 + width / 2 + theme.px(16), y));
    intent.trust =
        touch_button("##trust", context.tr("kiosk.trust.accept"), button, ButtonKind::primary, theme.fonts.bold);
    end_area();
    return intent;
}

}  // namespace kitap::kiosk
