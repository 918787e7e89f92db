#include "kiosk/print/text.hpp"

#include <pango/pangocairo.h>

#include <memory>

namespace kitap::printing {
namespace {

struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
using Layout = std::unique_ptr<PangoLayout, GObjectUnref>;

struct FontUnref {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

PangoAlignment pango_alignment(Align align) {
    switch (align) {
        case Align::center:
            return PANGO_ALIGN_CENTER;
        case Align::right:
            return PANGO_ALIGN_RIGHT;
        case Align::left:
            break;
    }
    return PANGO_ALIGN_LEFT;
}

// Sizes in points on a page measured in millimetres.
std::unique_ptr<PangoFontDescription, FontUnref> font_for(const TextStyle& style) {
    std::unique_ptr<PangoFontDescription, FontUnref> font(
        pango_font_description_from_string(style.monospace ? "DejaVu Sans Mono" : font_families));
    pango_font_description_set_absolute_size(font.get(), style.size_pt / points_per_mm * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    return font;
}

// Metrics as the PDF will have them: no hinting, and glyphs placed where they
// fall (pango rounds positions to whole user units otherwise: millimetres here).
void unhinted(PangoLayout* layout) {
    PangoContext* context = pango_layout_get_context(layout);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
    pango_layout_context_changed(layout);
}

Layout layout_for(cairo_t* cr, std::string_view text, double width, const TextStyle& style) {
    Layout layout(pango_cairo_create_layout(cr));
    unhinted(layout.get());
    pango_layout_set_font_description(layout.get(), font_for(style).get());
    if (width > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), pango_alignment(style.align));
    }
    if (style.max_lines > 0) {
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        pango_layout_set_height(layout.get(), -style.max_lines);
    }
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
}

double layout_height(PangoLayout* layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
}

}  // namespace

double draw_text(cairo_t* cr, std::string_view text, const Box& box, const TextStyle& style) {
    if (text.empty()) return 0;
    auto layout = layout_for(cr, text, box.width, style);
    cairo_move_to(cr, box.x, box.y);
    pango_cairo_show_layout(cr, layout.get());
    return layout_height(layout.get());
}

double text_height(cairo_t* cr, std::string_view text, double width, const TextStyle& style) {
    if (text.empty()) return 0;
    return layout_height(layout_for(cr, text, width, style).get());
}

}  // namespace kitap::printing
