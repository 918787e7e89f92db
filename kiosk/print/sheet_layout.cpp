#include "kiosk/print/sheet_layout.hpp"

#include <algorithm>

namespace kitap::printing {
namespace {

const std::vector<SheetLayout>& label_layouts() {
    static const std::vector<SheetLayout> layouts{
        {.name = "a4-3x8",
         .page = a4_portrait,
         .columns = 3,
         .rows = 8,
         .label_width = 70,
         .label_height = 37,
         .margin_left = 0,
         .margin_top = 0.5,
         .padding = 3},
        {.name = "a4-4x10",
         .page = a4_portrait,
         .columns = 4,
         .rows = 10,
         .label_width = 52.5,
         .label_height = 29.7,
         .margin_left = 0,
         .margin_top = 0,
         .padding = 2},
        {.name = "a4-2x7",
         .page = a4_portrait,
         .columns = 2,
         .rows = 7,
         .label_width = 99.1,
         .label_height = 38.1,
         .margin_left = 4.65,
         .margin_top = 15.15,
         .gap_x = 2.5,
         .padding = 3},
        {.name = "roll-58",
         .page = {58, 40},
         .columns = 1,
         .rows = 1,
         .label_width = 58,
         .label_height = 40,
         .padding = 2,
         .dot = mm_per_inch / 203},
    };
    return layouts;
}

}  // namespace

Box SheetLayout::label(int index_on_page) const {
    const int column = index_on_page % columns;
    const int row = index_on_page / columns;
    return {margin_left + column * (label_width + gap_x), margin_top + row * (label_height + gap_y), label_width,
            label_height};
}

std::optional<SheetLayout> label_layout(std::string_view name) {
    const auto& layouts = label_layouts();
    const auto found =
        std::find_if(layouts.begin(), layouts.end(), [&](const auto& layout) { return layout.name == name; });
    if (found == layouts.end()) return std::nullopt;
    return *found;
}

std::vector<std::string> label_layout_names() {
    std::vector<std::string> names;
    for (const auto& layout : label_layouts()) names.push_back(layout.name);
    return names;
}

SheetLayout reader_card_layout() {
    constexpr double width = 85.6, height = 54;
    return {.name = "cards-a4-2x5",
            .page = a4_portrait,
            .columns = 2,
            .rows = 5,
            .label_width = width,
            .label_height = height,
            .margin_left = (a4_portrait.width - 2 * width) / 2,
            .margin_top = (a4_portrait.height - 5 * height) / 2,
            .padding = 3.5,
            .cut_marks = true};
}

SheetLayout with_margins(SheetLayout layout, const SheetMargins& margins) {
    layout.margin_top = margins.top.value_or(layout.margin_top);
    layout.margin_left = margins.left.value_or(layout.margin_left);
    return layout;
}

}  // namespace kitap::printing
