#pragma once

#include <imgui.h>

namespace kitap::kiosk {

// Icons drawn with ImGui's draw list (the font has none of ✓ ⚠ ✋), so they are
// crisp at any scale. Every icon is shown beside words, never instead of them.
enum class Icon { check, cross, info, warning, hand, wave, clock, book, card, scanner, camera, lock, plus, minus };

// Draws `icon` centred on `centre`, fitting a square of side `size`.
void draw_icon(ImDrawList& list, Icon icon, ImVec2 centre, float size, ImU32 colour);

}  // namespace kitap::kiosk
