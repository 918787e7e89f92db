#pragma once

#include "kiosk/gui/screens/screen_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::kiosk {

// --demo: sample cards and books from the demo database; touching one scans its
// code exactly as a scanner would.
struct DemoCard {
    std::string label_key;  // kiosk.demo.* translation key
    std::string code;
    bool is_card = true;  // a reader's or the librarian's card (else a book)
};

struct DemoStrip {
    std::vector<DemoCard> cards;
};

struct DemoIntent {
    std::optional<std::string> scan;  // the code to inject
};

// The strip's width at this scale (the screens get the rest).
float demo_strip_width(float scale);

// Draws the strip along the right edge of `viewport_pos`/`viewport_size`.
DemoIntent draw(const DemoStrip& strip, ImVec2 viewport_pos, ImVec2 viewport_size, const ScreenContext& context);

}  // namespace kitap::kiosk
