#include "kiosk/print/barcode_block.hpp"

#include "kiosk/print/barcode_painter.hpp"
#include "kiosk/print/text.hpp"

#include <algorithm>

namespace kitap::printing {
namespace {

constexpr double caption_gap = 0.6;

TextStyle caption_style(double size_pt) { return {.size_pt = size_pt, .align = Align::center}; }

}  // namespace

tl::expected<FittedBarcode, PrintError> fit_barcode(std::string_view text, Symbology symbology, double width,
                                                    double dot) {
    auto code = encode_barcode(text, symbology);
    if (!code) return tl::unexpected(code.error());
    const auto module = fitting_module(*code, width, dot);
    if (!module) return tl::unexpected(PrintError{"print.error.label_too_small", {{"code", std::string(text)}}});
    return FittedBarcode{std::move(*code), *module};
}

tl::expected<std::vector<FittedBarcode>, PrintError> fit_barcodes(const std::vector<std::string>& texts,
                                                                  Symbology symbology, double width, double dot) {
    std::vector<FittedBarcode> codes;
    for (const auto& text : texts) {
        auto code = fit_barcode(text, symbology, width, dot);
        if (!code) return tl::unexpected(code.error());
        codes.push_back(std::move(*code));
    }
    return codes;
}

double barcode_caption_height(cairo_t* cr, double size_pt) {
    return text_height(cr, "0123456789", 0, caption_style(size_pt)) + caption_gap;
}

void draw_barcode_block(cairo_t* cr, const FittedBarcode& barcode, const Box& box, double dot, double caption_pt,
                        double max_bar_height) {
    const double caption = barcode_caption_height(cr, caption_pt);
    const double bars = std::min(max_bar_height, box.height - caption);
    const double top = box.y + (box.height - bars - caption) / 2;
    draw_barcode(cr, barcode.code, {box.x, top, box.width, bars}, barcode.module, dot);
    draw_text(cr, barcode.code.text, {box.x, top + bars + caption_gap, box.width, caption}, caption_style(caption_pt));
}

}  // namespace kitap::printing
