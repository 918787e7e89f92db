#pragma once

#include "kiosk/print/barcode.hpp"
#include "kiosk/print/geometry.hpp"

#include <cairo.h>

#include <optional>

namespace kitap::printing {

// Clear space either side of the bars, in modules (ISO/IEC 15417 asks 10 for Code 128).
inline constexpr int quiet_zone_modules = 10;
// Module widths scanners read from printed labels: 0.34 mm where there is room
// (8 dots at 600 dpi), never under 0.25 mm.
inline constexpr double preferred_module = 0.34;
inline constexpr double narrowest_module = 0.25;

// The bars and both quiet zones.
double symbol_width(const Barcode& code, double module);

// The widest module, a whole number of printer dots from `narrowest_module` to
// `preferred_module`, at which the code and its quiet zones fit `width`.
std::optional<double> fitting_module(const Barcode& code, double width, double dot);

// Vector bars, one rectangle per bar, centred across `box` and as tall as it; the
// first bar starts on the printer's dot grid so every edge falls on a dot.
void draw_barcode(cairo_t* cr, const Barcode& code, const Box& box, double module, double dot);

}  // namespace kitap::printing
