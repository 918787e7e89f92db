#pragma once

namespace kitap::printing {

// Everything printed is measured in millimetres, from the top left of the page.
struct Box {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;

    double right() const { return x + width; }
    double bottom() const { return y + height; }
    Box inset(double dx, double dy) const { return {x + dx, y + dy, width - 2 * dx, height - 2 * dy}; }
    // The band of this box from `top` (below its top edge) that is `tall` high.
    Box band(double top, double tall) const { return {x, y + top, width, tall}; }
};

struct PageSize {
    double width = 210;
    double height = 297;
};

inline constexpr PageSize a4_portrait{210, 297};

inline constexpr double mm_per_inch = 25.4;
inline constexpr double points_per_mm = 72.0 / mm_per_inch;

}  // namespace kitap::printing
