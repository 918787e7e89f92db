#include "kiosk/gui/ui/theme.hpp"

#include "kiosk/gui/platform/embedded_assets.hpp"

#include <algorithm>
#include <cmath>
#include <span>

namespace kitap::kiosk {
namespace {

// Basic Latin and Latin-1, Cyrillic and Cyrillic Supplement (Ә Ғ Қ Ң Ө Ұ Ү Һ І are
// in U+0400-U+04FF), general punctuation (– — « » “ ” … •), № and ₸.
constexpr ImWchar glyph_ranges[] = {0x0020, 0x00FF, 0x0400, 0x052F, 0x2010, 0x2027, 0x2030, 0x203A,
                                    0x20B8, 0x20B8, 0x2116, 0x2116, 0x2212, 0x2212, 0};

ImFont* add_font(ImFontAtlas& atlas, std::span<const unsigned char> data, float size) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes live in the executable
    // Every glyph starts on a whole pixel, so rendering it twice as wide (OversampleH = 2)
    // would only blur it a little and double its space in the atlas.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    // ImGui takes a non-const pointer but does not write through it when it does not own the data.
    return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data.data()), static_cast<int>(data.size()),
                                      std::round(size), &config, glyph_ranges);
}

}  // namespace

float ui_scale_for(int framebuffer_width, int framebuffer_height) {
    if (framebuffer_width <= 0 || framebuffer_height <= 0) return 1.0f;
    const float scale = std::min(framebuffer_width / 1280.0f, framebuffer_height / 800.0f);
    return std::clamp(scale, 0.5f, 4.0f);
}

Fonts load_fonts(ImFontAtlas& atlas, float scale) {
    atlas.Clear();
    const auto& assets = embedded_assets();
    Fonts fonts;
    fonts.body = add_font(atlas, assets.font_regular, 28 * scale);  // the first font is ImGui's default
    fonts.small = add_font(atlas, assets.font_regular, 22 * scale);
    fonts.bold = add_font(atlas, assets.font_bold, 28 * scale);
    fonts.large = add_font(atlas, assets.font_bold, 40 * scale);
    fonts.title = add_font(atlas, assets.font_bold, 56 * scale);
    atlas.Build();
    return fonts;
}

void apply_style(ImGuiStyle& style, float scale) {
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameRounding = 14;
    style.FramePadding = ImVec2(16, 10);
    style.ItemSpacing = ImVec2(16, 12);
    style.ScrollbarSize = 28;  // a finger can drag it
    style.ScrollbarRounding = 14;
    style.GrabMinSize = 48;
    style.TouchExtraPadding = ImVec2(4, 4);
    style.AntiAliasedFill = true;
    style.ScaleAllSizes(scale);

    const auto colour = [](ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); };
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = colour(colours::paper);
    c[ImGuiCol_ChildBg] = colour(colours::panel);
    c[ImGuiCol_Text] = colour(colours::ink);
    c[ImGuiCol_TextDisabled] = colour(colours::muted);
    c[ImGuiCol_Button] = colour(colours::primary);
    c[ImGuiCol_ButtonHovered] = colour(colours::primary);  // touch screens have no hover
    c[ImGuiCol_ButtonActive] = colour(colours::primary_active);
    c[ImGuiCol_Border] = colour(colours::line);
    c[ImGuiCol_ScrollbarBg] = colour(colours::paper);
    c[ImGuiCol_ScrollbarGrab] = colour(colours::line);
    c[ImGuiCol_ScrollbarGrabHovered] = colour(colours::line);
    c[ImGuiCol_ScrollbarGrabActive] = colour(colours::muted);
    c[ImGuiCol_PlotHistogram] = colour(colours::primary);
    c[ImGuiCol_FrameBg] = colour(colours::line);
}

}  // namespace kitap::kiosk
