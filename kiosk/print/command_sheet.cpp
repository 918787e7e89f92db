#include "kiosk/print/command_sheet.hpp"

#include "kiosk/print/barcode_block.hpp"
#include "kiosk/print/label_sheets.hpp"
#include "kiosk/print/text.hpp"

namespace kitap::printing {
namespace {

constexpr TextStyle heading_style{.size_pt = 14, .bold = true, .align = Align::center, .max_lines = 2};
constexpr TextStyle school_style{.size_pt = 9, .align = Align::center};
constexpr TextStyle kazakh_style{.size_pt = 11, .bold = true, .align = Align::center, .max_lines = 2};
constexpr TextStyle russian_style{.size_pt = 10, .align = Align::center, .max_lines = 2};
constexpr double caption_pt = 10;
constexpr double max_bar_height = 18;

void draw_outline(cairo_t* cr, const Box& box) {
    const double dash[] = {2, 1.5};
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_set_line_width(cr, 0.2);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_rectangle(cr, box.x, box.y, box.width, box.height);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void draw_heading(cairo_t* cr, const CommandSheetOptions& options) {
    const Box top{15, 12, a4_portrait.width - 30, 20};
    const double heading = draw_text(cr, options.heading, top, heading_style);
    draw_text(cr, options.school, top.band(heading + 1, 0), school_style);
}

void draw_command(cairo_t* cr, const CommandLabel& command, const FittedBarcode& code, const Box& box,
                  const SheetLayout& layout) {
    draw_outline(cr, box);
    const Box inner = box.inset(layout.padding, layout.padding);
    double used = draw_text(cr, command.kazakh, inner, kazakh_style) + 0.8;
    used += draw_text(cr, command.russian, inner.band(used, 0), russian_style) + 1.5;
    draw_barcode_block(cr, code, inner.band(used, inner.height - used), layout.dot, caption_pt, max_bar_height);
}

}  // namespace

SheetLayout command_sheet_layout() {
    return {.name = "commands",
            .page = a4_portrait,
            .columns = 2,
            .rows = 5,
            .label_width = 92,
            .label_height = 46,
            .margin_left = 11,
            .margin_top = 36,
            .gap_x = 4,
            .gap_y = 4,
            .padding = 4};
}

tl::expected<void, PrintError> write_command_sheet(const std::filesystem::path& path,
                                                   const std::vector<CommandLabel>& commands,
                                                   const CommandSheetOptions& options) {
    const auto layout = command_sheet_layout();
    std::vector<std::string> texts;
    for (const auto& command : commands) texts.push_back(command.code);
    const auto codes = fit_barcodes(texts, Symbology::code128, layout.label_width - 2 * layout.padding, layout.dot);
    if (!codes) return tl::unexpected(codes.error());
    return write_label_sheets(
        path, layout, commands.size(), options.document_title,
        [&](cairo_t* cr, std::size_t index, const Box& box) {
            draw_command(cr, commands[index], (*codes)[index], box, layout);
        },
        [&](cairo_t* cr) { draw_heading(cr, options); });
}

}  // namespace kitap::printing
