#pragma once

#include "kiosk/print/geometry.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::printing {

// Where labels sit on a page: a grid of equal labels from a top-left margin.
struct SheetLayout {
    std::string name;
    PageSize page;
    int columns = 1;
    int rows = 1;
    double label_width = 0;
    double label_height = 0;
    double margin_left = 0;
    double margin_top = 0;
    double gap_x = 0;
    double gap_y = 0;
    double padding = 2;              // kept clear inside each label: printers cannot print to a sheet's edge
    double dot = mm_per_inch / 600;  // the printer's dot: module widths are whole dots
    bool cut_marks = false;

    int per_page() const { return columns * rows; }
    Box label(int index_on_page) const;
};

// Common label stock: "a4-3x8" (70 × 37 mm), "a4-4x10" (52.5 × 29.7 mm),
// "a4-2x7" (99.1 × 38.1 mm, as Avery L7163) and "roll-58" (58 × 40 mm labels,
// one a page, for 203 dpi label printers).
std::optional<SheetLayout> label_layout(std::string_view name);
std::vector<std::string> label_layout_names();
inline constexpr const char* default_label_layout = "a4-3x8";

// Reader cards: 85.6 × 54 mm (ID-1), two across and five down an A4 sheet, with cut marks.
SheetLayout reader_card_layout();

// The stock's own margins, when the librarian's sheets differ from the preset
// or the printer shifts the page.
struct SheetMargins {
    std::optional<double> top;
    std::optional<double> left;
};
SheetLayout with_margins(SheetLayout layout, const SheetMargins& margins);

}  // namespace kitap::printing
