#include "kiosk/print/label_sheets.hpp"

#include "kiosk/print/pdf_document.hpp"

namespace kitap::printing {
namespace {

constexpr double mark_length = 5;
constexpr double mark_offset = 1.5;  // clear of the card's edge

void line(cairo_t* cr, double x0, double y0, double x1, double y1) {
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
}

// Short lines in the margins along every edge of the grid, where the guillotine cuts.
void draw_cut_marks(cairo_t* cr, const SheetLayout& layout) {
    const Box first = layout.label(0);
    const Box last = layout.label(layout.per_page() - 1);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.15);
    for (int column = 0; column < layout.columns; ++column) {
        const Box label = layout.label(column);
        for (const double x : {label.x, label.right()}) {
            line(cr, x, first.y - mark_offset - mark_length, x, first.y - mark_offset);
            line(cr, x, last.bottom() + mark_offset, x, last.bottom() + mark_offset + mark_length);
        }
    }
    for (int row = 0; row < layout.rows; ++row) {
        const Box label = layout.label(row * layout.columns);
        for (const double y : {label.y, label.bottom()}) {
            line(cr, first.x - mark_offset - mark_length, y, first.x - mark_offset, y);
            line(cr, last.right() + mark_offset, y, last.right() + mark_offset + mark_length, y);
        }
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

}  // namespace

tl::expected<void, PrintError> write_label_sheets(const std::filesystem::path& path, const SheetLayout& layout,
                                                  std::size_t count, const std::string& title,
                                                  const DrawLabel& draw_label, const DrawPage& draw_page) {
    PdfDocument pdf(path, layout.page, title);
    const auto per_page = static_cast<std::size_t>(layout.per_page());
    for (std::size_t index = 0; index < count; ++index) {
        const auto on_page = index % per_page;
        if (on_page == 0 && index > 0) pdf.next_page();
        if (on_page == 0 && layout.cut_marks) draw_cut_marks(pdf.cr(), layout);
        if (on_page == 0 && draw_page) draw_page(pdf.cr());
        draw_label(pdf.cr(), index, layout.label(static_cast<int>(on_page)));
    }
    return pdf.finish();
}

}  // namespace kitap::printing
