#include "kiosk/print/reader_cards.hpp"

#include "kiosk/print/barcode_block.hpp"
#include "kiosk/print/label_sheets.hpp"
#include "kiosk/print/sheet_layout.hpp"
#include "kiosk/print/text.hpp"

namespace kitap::printing {
namespace {

constexpr TextStyle school_style{.size_pt = 7.5, .bold = true, .align = Align::center, .max_lines = 2};
constexpr TextStyle heading_style{.size_pt = 8.5, .bold = true, .align = Align::center};
constexpr TextStyle name_style{.size_pt = 11, .bold = true, .align = Align::center, .max_lines = 2};
constexpr TextStyle info_style{.size_pt = 8, .align = Align::center};
constexpr double caption_pt = 9;
constexpr double max_bar_height = 11;
constexpr double gap = 1;

void draw_rule(cairo_t* cr, const Box& inner, double y) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.2);
    cairo_move_to(cr, inner.x, y);
    cairo_line_to(cr, inner.right(), y);
    cairo_stroke(cr);
    cairo_restore(cr);
}

// Top down: school, a rule, heading, name, class and year; returns the height used.
double draw_card_text(cairo_t* cr, const ReaderCard& card, const Box& inner, const ReaderCardOptions& options) {
    double used = draw_text(cr, options.school, inner, school_style) + gap / 2;
    draw_rule(cr, inner, inner.y + used);
    used += gap;
    used += draw_text(cr, options.heading, inner.band(used, 0), heading_style) + gap;
    used += draw_text(cr, card.name, inner.band(used, 0), name_style) + gap / 2;
    const std::string info = card.group.empty() ? options.year_line : card.group + "  ·  " + options.year_line;
    return used + draw_text(cr, info, inner.band(used, 0), info_style) + gap;
}

}  // namespace

tl::expected<void, PrintError> write_reader_cards(const std::filesystem::path& path,
                                                  const std::vector<ReaderCard>& cards,
                                                  const ReaderCardOptions& options) {
    const auto layout = reader_card_layout();
    std::vector<std::string> numbers;
    for (const auto& card : cards) numbers.push_back(card.card);
    const auto codes = fit_barcodes(numbers, options.symbology, layout.label_width - 2 * layout.padding, layout.dot);
    if (!codes) return tl::unexpected(codes.error());
    return write_label_sheets(path, layout, cards.size(), options.document_title,
                              [&](cairo_t* cr, std::size_t index, const Box& box) {
                                  const Box inner = box.inset(layout.padding, layout.padding);
                                  const double used = draw_card_text(cr, cards[index], inner, options);
                                  draw_barcode_block(cr, (*codes)[index], inner.band(used, inner.height - used),
                                                     layout.dot, caption_pt, max_bar_height);
                              });
}

}  // namespace kitap::printing
