#include "kiosk/print/pdf_report.hpp"

#include "kiosk/print/pdf_document.hpp"
#include "kiosk/print/text.hpp"

#include <algorithm>
#include <numeric>

namespace kitap::printing {
namespace {

constexpr Box content_area{20, 20, 178, 262};  // below the running head, above the page number
constexpr double cell_padding_x = 1.3;
constexpr double cell_padding_y = 0.9;
constexpr double indent_step = 4;
constexpr TextStyle running_style{.size_pt = 8};
constexpr TextStyle title_style{.size_pt = 14, .bold = true, .align = Align::center, .max_lines = 0};
constexpr TextStyle heading_style{.size_pt = 11, .bold = true, .max_lines = 0};
constexpr TextStyle line_style{.size_pt = 9.5, .max_lines = 0};

std::string page_label(std::string text, int page, int pages) {
    for (const auto& [name, value] : {std::pair{"{page}", page}, std::pair{"{pages}", pages}})
        if (const auto at = text.find(name); at != std::string::npos)
            text.replace(at, std::string_view(name).size(), std::to_string(value));
    return text;
}

TextStyle cell_style(const Cell& cell, bool header) {
    return {.size_pt = header ? 8.5 : 9,
            .bold = header || cell.strong,
            .align = header             ? Align::center
                     : is_numeric(cell) ? Align::right
                                        : Align::left,
            .max_lines = 0};
}

void stroke_rule(cairo_t* cr, double x0, double x1, double y) {
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
}

class ReportPainter {
public:
    // `pages`: the total, for the page numbers; 0 while counting them.
    ReportPainter(PdfDocument& pdf, const ReportDocument& document, int pages)
        : pdf_(pdf), cr_(pdf.cr()), document_(document), pages_(pages) {}

    void paint() {
        start_page();
        y_ += draw_text(cr_, document_.title, content_area.band(0, 0), title_style) + 5;
        bool first = true;
        for (const auto& section : document_.sections) {
            if (section.new_page && !first) break_page();
            paint_section(section);
            first = false;
        }
    }

private:
    void start_page() {
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_set_line_width(cr_, 0.2);
        const Box head{content_area.x, 10, content_area.width, 5};
        draw_text(cr_, document_.school, {head.x, head.y, head.width * 0.7, head.height}, running_style);
        draw_text(cr_, document_.date, head, {.size_pt = 8, .align = Align::right});
        stroke_rule(cr_, head.x, head.right(), 15);
        if (pages_ > 0)
            draw_text(cr_, page_label(document_.page_template, pdf_.pages(), pages_),
                      {content_area.x, 287, content_area.width, 5}, {.size_pt = 8, .align = Align::center});
        y_ = content_area.y;
    }

    void break_page() {
        pdf_.next_page();
        start_page();
    }

    void make_room(double height) {
        if (y_ + height > content_area.bottom()) break_page();
    }

    void paragraph(const std::string& text, const TextStyle& style, double after) {
        make_room(text_height(cr_, text, content_area.width, style));
        y_ += draw_text(cr_, text, {content_area.x, y_, content_area.width, 0}, style) + after;
    }

    void paint_section(const ReportSection& section) {
        if (!section.heading.empty()) paragraph(section.heading, heading_style, 2);
        for (const auto& line : section.lines) paragraph(line, line_style, 1);
        if (!section.lines.empty()) y_ += 2;
        if (!section.columns.empty()) paint_table(section);
        paint_signatures(section.signatures);
        y_ += 6;
    }

    std::vector<double> column_widths(const std::vector<Column>& columns) const {
        const double total = std::accumulate(columns.begin(), columns.end(), 0.0,
                                             [](double sum, const Column& column) { return sum + column.width; });
        std::vector<double> widths;
        for (const auto& column : columns) widths.push_back(content_area.width * column.width / total);
        return widths;
    }

    double cell_height(const Cell& cell, double width, bool header) const {
        const double inner = width - 2 * cell_padding_x - cell.indent * indent_step;
        return text_height(cr_, cell_text(cell, document_.language), inner, cell_style(cell, header));
    }

    double row_height(const Row& row, const std::vector<double>& widths, bool header) const {
        double tallest = 0;
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            tallest = std::max(tallest, cell_height(row[i], widths[i], header));
        return tallest + 2 * cell_padding_y;
    }

    void paint_row(const Row& row, const std::vector<double>& widths, bool header) {
        const double height = row_height(row, widths, header);
        double x = content_area.x;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            if (header) {
                cairo_set_source_rgb(cr_, 0.88, 0.88, 0.88);
                cairo_rectangle(cr_, x, y_, widths[i], height);
                cairo_fill(cr_);
                cairo_set_source_rgb(cr_, 0, 0, 0);
            }
            cairo_rectangle(cr_, x, y_, widths[i], height);
            cairo_stroke(cr_);
            if (i < row.size()) {
                const double indent = row[i].indent * indent_step;
                draw_text(
                    cr_, cell_text(row[i], document_.language),
                    {x + cell_padding_x + indent, y_ + cell_padding_y, widths[i] - 2 * cell_padding_x - indent, 0},
                    cell_style(row[i], header));
            }
            x += widths[i];
        }
        y_ += height;
    }

    void paint_table(const ReportSection& section) {
        const auto widths = column_widths(section.columns);
        Row header;
        for (const auto& column : section.columns) header.push_back(text_cell(column.header));
        make_room(row_height(header, widths, true) +
                  (section.rows.empty() ? 0 : row_height(section.rows[0], widths, false)));
        paint_row(header, widths, true);
        for (const auto& row : section.rows) {
            if (y_ + row_height(row, widths, false) > content_area.bottom()) {
                break_page();
                paint_row(header, widths, true);
            }
            paint_row(row, widths, false);
        }
    }

    void paint_signatures(const std::vector<std::string>& signatures) {
        if (!signatures.empty()) y_ += 6;
        for (const auto& line : signatures) paragraph(line + "  ______________________", line_style, 6);
    }

    PdfDocument& pdf_;
    cairo_t* cr_;
    const ReportDocument& document_;
    int pages_;
    double y_ = 0;
};

}  // namespace

tl::expected<void, PrintError> write_pdf_report(const std::filesystem::path& path, const ReportDocument& document) {
    PdfDocument counting(a4_portrait);
    ReportPainter(counting, document, 0).paint();
    PdfDocument pdf(path, a4_portrait, document.title);
    ReportPainter(pdf, document, counting.pages()).paint();
    return pdf.finish();
}

}  // namespace kitap::printing
