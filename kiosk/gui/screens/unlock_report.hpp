#pragma once

#include "kiosk/app/translator.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/gui/screens/screen_context.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"

#include <string>
#include <vector>

namespace kitap::kiosk {

// What the librarian reads once the keypad opened for her: the wrong PINs typed
// since the last unlock and when, and whether her PIN is too short to keep.
// A paragraph each, in the kiosk's words.
std::vector<std::string> unlock_report_text(const UnlockReport& report, const app::Translator& tr);

// Drawn over the librarian screen until she taps OK; true then.
bool draw_unlock_report(const UnlockReport& report, const LibrarianLayout& layout, const ScreenContext& context);

}  // namespace kitap::kiosk
