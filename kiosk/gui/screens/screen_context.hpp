#pragma once

#include "core/calendar.hpp"
#include "kiosk/app/translator.hpp"
#include "kiosk/gui/ui/theme.hpp"

#include <imgui.h>

#include <chrono>

namespace kitap::kiosk {

// What every screen's draw() reads besides its own state: words, looks, where it
// may draw and what time it is. Nothing in it can be changed by drawing.
struct ScreenContext {
    const app::Translator& tr;
    const Theme& theme;
    ImVec2 origin;  // the screen's area (the viewport less the demo strip)
    ImVec2 size;
    core::Date today;
};

}  // namespace kitap::kiosk
