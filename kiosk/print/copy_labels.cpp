#include "kiosk/print/copy_labels.hpp"

#include "kiosk/print/barcode_block.hpp"
#include "kiosk/print/label_sheets.hpp"
#include "kiosk/print/text.hpp"

namespace kitap::printing {
namespace {

constexpr TextStyle name_style{.size_pt = 6.5, .bold = true, .align = Align::center};
constexpr TextStyle title_style{.size_pt = 6.5, .align = Align::center};
constexpr double caption_pt = 9;
constexpr double max_bar_height = 15;
constexpr double gap = 0.8;

std::vector<std::string> codes_of(const std::vector<CopyLabel>& labels) {
    std::vector<std::string> codes;
    for (const auto& label : labels) codes.push_back(label.code);
    return codes;
}

void draw_copy_label(cairo_t* cr, const CopyLabel& label, const FittedBarcode& code, const Box& box,
                     const CopyLabelOptions& options) {
    const Box inner = box.inset(options.layout.padding, options.layout.padding);
    const double name = draw_text(cr, options.library_name, inner, name_style);
    const double title = text_height(cr, label.title, inner.width, title_style);
    draw_text(cr, label.title, inner.band(inner.height - title, title), title_style);
    const double top = name + gap;
    const double bottom = title > 0 ? title + gap : 0;
    draw_barcode_block(cr, code, inner.band(top, inner.height - top - bottom), options.layout.dot, caption_pt,
                       max_bar_height);
}

}  // namespace

tl::expected<void, PrintError> write_copy_labels(const std::filesystem::path& path,
                                                 const std::vector<CopyLabel>& labels,
                                                 const CopyLabelOptions& options) {
    const auto& layout = options.layout;
    const auto codes =
        fit_barcodes(codes_of(labels), options.symbology, layout.label_width - 2 * layout.padding, layout.dot);
    if (!codes) return tl::unexpected(codes.error());
    return write_label_sheets(path, layout, labels.size(), options.document_title,
                              [&](cairo_t* cr, std::size_t index, const Box& box) {
                                  draw_copy_label(cr, labels[index], (*codes)[index], box, options);
                              });
}

}  // namespace kitap::printing
