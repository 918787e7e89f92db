#pragma once

#include "kiosk/gui/ui/icons.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "kiosk/gui/ui/theme.hpp"

#include <imgui.h>

#include <string>
#include <string_view>

namespace kitap::kiosk {

enum class ButtonKind { primary, secondary, quiet, danger, selected };

// A button a finger can hit: at least Theme::touch() high; true when tapped (on
// release, as ImGui buttons are). `id` keeps it unique when labels repeat or change
// with the language.
bool touch_button(const char* id, std::string_view label, ImVec2 size, ButtonKind kind, ImFont* font,
                  bool enabled = true);

// Text placed by hand: these never move the layout cursor.
void text_at(ImDrawList& list, ImFont* font, ImVec2 pos, ImU32 colour, std::string_view text);
void text_centred(ImDrawList& list, ImFont* font, ImVec2 centre, ImU32 colour, std::string_view text);
// Text wrapped to `width`, returning the height it took.
float text_wrapped(ImDrawList& list, ImFont* font, ImVec2 pos, float width, ImU32 colour, std::string_view text);
float wrapped_height(ImFont* font, float width, std::string_view text);
ImVec2 text_size(ImFont* font, std::string_view text);
// The longest prefix of `text` (whole UTF-8 characters) that fits `width`, with "…" when cut.
std::string fit_text(ImFont* font, float width, std::string_view text);

// Puts the next ImGui item at `r` and returns its size: touch_button(id, label, place_at(r), ...).
ImVec2 place_at(const Rect& r);

// A list line: a small icon, then the text wrapped beside it. Returns the height
// taken, with the gap to the next line.
struct IconLine {
    Icon icon;
    ImU32 icon_colour;
    ImFont* font;
    ImU32 text_colour;
};
float icon_line(ImDrawList& list, ImVec2 pos, float width, const IconLine& style, std::string_view text, float scale);

// A bar filled to `fraction` (0..1): how far a class or a stocktake has come. The
// number is always written beside it, so the bar is never the only sign.
void progress_bar(ImDrawList& list, ImVec2 pos, ImVec2 size, float fraction);

// A full-screen-area ImGui window without decorations at `pos`/`size`.
// Returns what ImGui::Begin returned; end_area() must follow in every case.
bool begin_area(const char* id, ImVec2 pos, ImVec2 size, ImU32 background);
void end_area();

// Drag with a finger to scroll the current child window (touch screens send no wheel).
void drag_to_scroll();

}  // namespace kitap::kiosk
