#pragma once

#include <imgui.h>

namespace kitap::kiosk {

// The fonts every screen uses, baked for the current scale.
struct Fonts {
    ImFont* small = nullptr;  // 22 px: hints, device state
    ImFont* body = nullptr;   // 28 px: lists, buttons
    ImFont* bold = nullptr;   // 28 px bold
    ImFont* large = nullptr;  // 40 px bold: names, headlines
    ImFont* title = nullptr;  // 56 px bold: the banner, "scan your card"
};

// Colours chosen for a screen read from a metre away in a bright room: dark text
// on paper, and every state also told by an icon and words, never by colour alone.
namespace colours {
inline constexpr ImU32 paper = IM_COL32(0xF6, 0xF2, 0xEA, 0xFF);
inline constexpr ImU32 panel = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 bar = IM_COL32(0x12, 0x4E, 0x5A, 0xFF);  // top bar, deep teal
inline constexpr ImU32 on_bar = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 ink = IM_COL32(0x1B, 0x26, 0x30, 0xFF);
inline constexpr ImU32 muted = IM_COL32(0x55, 0x60, 0x6B, 0xFF);
inline constexpr ImU32 line = IM_COL32(0xD8, 0xD2, 0xC6, 0xFF);
inline constexpr ImU32 primary = IM_COL32(0x0F, 0x6E, 0x78, 0xFF);
inline constexpr ImU32 primary_active = IM_COL32(0x0A, 0x52, 0x5A, 0xFF);
inline constexpr ImU32 success = IM_COL32(0x1E, 0x7B, 0x3A, 0xFF);
inline constexpr ImU32 success_tint = IM_COL32(0xE3, 0xF4, 0xE6, 0xFF);
inline constexpr ImU32 info = IM_COL32(0x1F, 0x5F, 0xA8, 0xFF);
inline constexpr ImU32 info_tint = IM_COL32(0xE4, 0xEE, 0xFA, 0xFF);
inline constexpr ImU32 warning = IM_COL32(0xA8, 0x5A, 0x00, 0xFF);
inline constexpr ImU32 warning_tint = IM_COL32(0xFF, 0xF0, 0xD9, 0xFF);
inline constexpr ImU32 danger = IM_COL32(0xB3, 0x26, 0x1E, 0xFF);
inline constexpr ImU32 danger_tint = IM_COL32(0xFB, 0xE6, 0xE4, 0xFF);
inline constexpr ImU32 demo = IM_COL32(0x2D, 0x2A, 0x4A, 0xFF);
}  // namespace colours

// Sizes are designed for a 1280x800 screen and scaled to the real one (and its DPI)
// through px(): a 72 px button stays a finger's width on any screen.
struct Theme {
    float scale = 1.0f;
    Fonts fonts;

    float px(float design_pixels) const { return design_pixels * scale; }
    ImVec2 px(float width, float height) const { return {width * scale, height * scale}; }
    // The smallest thing a finger may have to hit.
    float touch() const { return px(72); }
};

// The design size is 1280x800: the whole design is fitted to the framebuffer, so a
// high-DPI screen (more pixels for the same size) scales up with it.
float ui_scale_for(int framebuffer_width, int framebuffer_height);

// Loads the embedded Noto Sans (Latin, Cyrillic with every Kazakh letter, the
// punctuation the translations use) at the sizes the screens use.
Fonts load_fonts(ImFontAtlas& atlas, float scale);
void apply_style(ImGuiStyle& style, float scale);

}  // namespace kitap::kiosk
