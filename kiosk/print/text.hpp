#pragma once

#include "kiosk/print/geometry.hpp"

#include <cairo.h>

#include <string_view>

namespace kitap::printing {

enum class Align { left, center, right };

struct TextStyle {
    double size_pt = 9;
    bool bold = false;
    Align align = Align::left;
    int max_lines = 1;  // longer text is cut with an ellipsis; 0: as many lines as it takes
    bool monospace = false;
};

// Pango through fontconfig: Noto Sans (fonts-noto-core), else DejaVu Sans; both
// carry Kazakh Cyrillic (Ә Ғ Қ Ң Ө Ұ Ү Һ І).
inline constexpr const char* font_families = "Noto Sans, DejaVu Sans";

// Draws `text` from the top of `box`, wrapped to its width; returns the height used.
double draw_text(cairo_t* cr, std::string_view text, const Box& box, const TextStyle& style);
// The height `text` takes at `width`, without drawing it.
double text_height(cairo_t* cr, std::string_view text, double width, const TextStyle& style);

}  // namespace kitap::printing
