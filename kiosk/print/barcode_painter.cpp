#include "kiosk/print/barcode_painter.hpp"

#include <cmath>

namespace kitap::printing {

double symbol_width(const Barcode& code, double module) { return (code.modules + 2 * quiet_zone_modules) * module; }

std::optional<double> fitting_module(const Barcode& code, double width, double dot) {
    const int narrowest_dots = static_cast<int>(std::ceil(narrowest_module / dot - 1e-9));
    for (int dots = static_cast<int>(std::floor(preferred_module / dot + 1e-9)); dots >= narrowest_dots; --dots)
        if (symbol_width(code, dots * dot) <= width + 1e-9) return dots * dot;
    return std::nullopt;
}

void draw_barcode(cairo_t* cr, const Barcode& code, const Box& box, double module, double dot) {
    const double centred = box.x + (box.width - code.modules * module) / 2;
    const double left = std::round(centred / dot) * dot;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const auto& bar : code.bars)
        cairo_rectangle(cr, left + bar.start * module, box.y, bar.width * module, box.height);
    cairo_fill(cr);
    cairo_restore(cr);
}

}  // namespace kitap::printing
