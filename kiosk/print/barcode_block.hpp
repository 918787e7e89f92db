#pragma once

#include "kiosk/print/barcode.hpp"
#include "kiosk/print/geometry.hpp"

#include <cairo.h>
#include <tl/expected.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kitap::printing {

// A code encoded and given the module width it prints at.
struct FittedBarcode {
    Barcode code;
    double module = 0;
};

// Encodes `text` and fits it, with its quiet zones, into `width` at a module of
// whole `dot`s; fails when the symbology cannot carry the text or the label is
// too narrow for a module scanners read.
tl::expected<FittedBarcode, PrintError> fit_barcode(std::string_view text, Symbology symbology, double width,
                                                    double dot);

// fit_barcode for every text, in order; the first failure when any fails.
tl::expected<std::vector<FittedBarcode>, PrintError> fit_barcodes(const std::vector<std::string>& texts,
                                                                  Symbology symbology, double width, double dot);

// The height the code's text takes under the bars.
double barcode_caption_height(cairo_t* cr, double size_pt);

// The bars, at most `max_bar_height` tall, with the code in text under them,
// centred in `box`.
void draw_barcode_block(cairo_t* cr, const FittedBarcode& barcode, const Box& box, double dot, double caption_pt,
                        double max_bar_height);

}  // namespace kitap::printing
