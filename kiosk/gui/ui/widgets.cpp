#include "kiosk/gui/ui/widgets.hpp"

#include <algorithm>

namespace kitap::kiosk {
namespace {

struct ButtonColours {
    ImU32 fill, pressed, text, border;
};

ButtonColours colours_of(ButtonKind kind) {
    switch (kind) {
        case ButtonKind::primary:
            return {colours::primary, colours::primary_active, colours::on_bar, 0};
        case ButtonKind::secondary:
            return {colours::panel, colours::line, colours::ink, colours::primary};
        case ButtonKind::quiet:
            return {IM_COL32(0, 0, 0, 0), IM_COL32(255, 255, 255, 40), colours::on_bar, IM_COL32(255, 255, 255, 110)};
        case ButtonKind::danger:
            return {colours::danger, IM_COL32(0x8A, 0x1C, 0x16, 0xFF), colours::on_bar, 0};
        case ButtonKind::selected:
            return {colours::on_bar, colours::line, colours::bar, colours::on_bar};
    }
    return {colours::primary, colours::primary_active, colours::on_bar, 0};
}

}  // namespace

bool touch_button(const char* id, std::string_view label, ImVec2 size, ButtonKind kind, ImFont* font, bool enabled) {
    const ButtonColours c = colours_of(kind);
    ImGui::PushID(id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##button", size) && enabled;
    const bool held = ImGui::IsItemActive() && enabled;
    ImDrawList& list = *ImGui::GetWindowDrawList();
    const float rounding = std::min(size.y * 0.22f, ImGui::GetStyle().FrameRounding * 1.4f);
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    ImU32 fill = held ? c.pressed : c.fill;
    ImU32 text = c.text;
    if (!enabled) {
        fill = colours::line;
        text = colours::muted;
    }
    list.AddRectFilled(pos, end, fill, rounding);
    if (c.border) list.AddRect(pos, end, c.border, rounding, ImDrawFlags_None, std::max(2.0f, size.y * 0.03f));
    ImGui::PushClipRect(pos, end, true);
    const std::string shown = fit_text(font, size.x - size.y * 0.3f, label);
    text_centred(list, font, ImVec2(pos.x + size.x / 2, pos.y + size.y / 2), text, shown);
    ImGui::PopClipRect();
    ImGui::PopID();
    return pressed;
}

ImVec2 text_size(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text.data(), text.data() + text.size());
}

void text_at(ImDrawList& list, ImFont* font, ImVec2 pos, ImU32 colour, std::string_view text) {
    list.AddText(font, font->FontSize, pos, colour, text.data(), text.data() + text.size());
}

void text_centred(ImDrawList& list, ImFont* font, ImVec2 centre, ImU32 colour, std::string_view text) {
    const ImVec2 size = text_size(font, text);
    text_at(list, font, ImVec2(centre.x - size.x / 2, centre.y - size.y / 2), colour, text);
}

float wrapped_height(ImFont* font, float width, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, width, text.data(), text.data() + text.size()).y;
}

float text_wrapped(ImDrawList& list, ImFont* font, ImVec2 pos, float width, ImU32 colour, std::string_view text) {
    list.AddText(font, font->FontSize, pos, colour, text.data(), text.data() + text.size(), width);
    return wrapped_height(font, width, text);
}

std::string fit_text(ImFont* font, float width, std::string_view text) {
    if (text_size(font, text).x <= width) return std::string(text);
    const std::string_view ellipsis = "…";
    const float room = width - text_size(font, ellipsis).x;
    std::size_t end = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t next = i + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        if (text_size(font, text.substr(0, next)).x > room) break;
        end = i = next;
    }
    return std::string(text.substr(0, end)) + std::string(ellipsis);
}

bool begin_area(const char* id, ImVec2 pos, ImVec2 size, ImU32 background) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    // Each frame starts cleared to paper (KioskWindow::end_frame), so a paper area is
    // left unfilled (ImGui skips a transparent background): without a GPU, shading
    // those pixels again was 40 % of a frame's CPU.
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background == colours::paper ? IM_COL32(0, 0, 0, 0) : background);
    const bool open =
        ImGui::Begin(id, nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    return open;
}

void end_area() { ImGui::End(); }

ImVec2 place_at(const Rect& r) {
    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    return ImVec2(r.width, r.height);
}

float icon_line(ImDrawList& list, ImVec2 pos, float width, const IconLine& style, std::string_view text, float scale) {
    const float icon = std::min(22 * scale, style.font->FontSize);
    draw_icon(list, style.icon, ImVec2(pos.x + 12 * scale, pos.y + style.font->FontSize / 2 + scale), icon,
              style.icon_colour);
    const float indent = 32 * scale;
    return text_wrapped(list, style.font, ImVec2(pos.x + indent, pos.y), width - indent, style.text_colour, text) +
           4 * scale;
}

void progress_bar(ImDrawList& list, ImVec2 pos, ImVec2 size, float fraction) {
    const float rounding = size.y / 2;
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    list.AddRectFilled(pos, end, colours::line, rounding);
    const float filled = size.x * std::clamp(fraction, 0.0f, 1.0f);
    if (filled >= size.y)  // narrower than its height, a rounded fill would spill out
        list.AddRectFilled(pos, ImVec2(pos.x + filled, end.y), fraction >= 1 ? colours::success : colours::primary,
                           rounding);
}

void drag_to_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(0, 4.0f))
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

}  // namespace kitap::kiosk
