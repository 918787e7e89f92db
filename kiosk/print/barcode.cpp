#include "kiosk/print/barcode.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <stdexcept>

namespace kitap::printing {
namespace {

// zxing-cpp 1.4 renders a 1D code as a matrix one row high and, with no margin
// and no width asked for, one column per module.
ZXing::BitMatrix module_row(std::string_view text, Symbology symbology) {
    const auto format = symbology == Symbology::codabar ? ZXing::BarcodeFormat::Codabar : ZXing::BarcodeFormat::Code128;
    const std::string contents = symbology == Symbology::codabar ? "A" + std::string(text) + "A" : std::string(text);
    return ZXing::MultiFormatWriter(format).setMargin(0).encode(contents, 0, 1);
}

std::vector<Bar> bars_of(const ZXing::BitMatrix& row) {
    std::vector<Bar> bars;
    for (int x = 0; x < row.width(); ++x) {
        if (!row.get(x, 0)) continue;
        if (!bars.empty() && bars.back().start + bars.back().width == x)
            ++bars.back().width;
        else
            bars.push_back({x, 1});
    }
    return bars;
}

}  // namespace

std::optional<Symbology> symbology_from(std::string_view name) {
    if (name == "code128") return Symbology::code128;
    if (name == "codabar") return Symbology::codabar;
    return std::nullopt;
}

tl::expected<Barcode, PrintError> encode_barcode(std::string_view text, Symbology symbology) {
    const PrintError cannot_encode{
        "print.error.cannot_encode",
        {{"code", std::string(text)}, {"symbology", symbology == Symbology::codabar ? "Codabar" : "Code 128"}}};
    if (text.empty()) return tl::unexpected(cannot_encode);
    try {
        const auto row = module_row(text, symbology);
        return Barcode{std::string(text), row.width(), bars_of(row)};
    } catch (const std::exception&) {  // zxing's writer throws for characters the symbology lacks
        return tl::unexpected(cannot_encode);
    }
}

}  // namespace kitap::printing
