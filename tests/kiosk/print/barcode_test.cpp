#include "kiosk/print/barcode.hpp"
#include "kiosk/print/barcode_painter.hpp"

#include <gtest/gtest.h>

namespace kitap::printing {
namespace {

constexpr double dot_600_dpi = mm_per_inch / 600;

int dark_modules(const Barcode& code) {
    int dark = 0;
    for (const auto& bar : code.bars) dark += bar.width;
    return dark;
}

TEST(Barcode, Code128OfAnInventoryNumberIsSeventyNineModulesFromBarToBar) {
    const auto code = encode_barcode("10000017", Symbology::code128);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->text, "10000017");
    EXPECT_EQ(code->modules, 79);  // start C, four digit pairs, check, stop
    EXPECT_EQ(code->bars.front().start, 0);
    EXPECT_EQ(code->bars.back().start + code->bars.back().width, code->modules);
    EXPECT_GT(dark_modules(*code), 0);
}

TEST(Barcode, CodabarIsWrittenBetweenStartAndStopCharacters) {
    const auto code = encode_barcode("10000017", Symbology::codabar);
    ASSERT_TRUE(code);
    EXPECT_EQ(code->text, "10000017");
    EXPECT_EQ(code->modules, 101);  // ten characters of ten modules with gaps between
}

TEST(Barcode, TextASymbologyCannotCarryIsAnErrorValue) {
    const auto kazakh = encode_barcode("Ә-1", Symbology::code128);
    ASSERT_FALSE(kazakh);
    EXPECT_EQ(kazakh.error().key, "print.error.cannot_encode");
    EXPECT_FALSE(encode_barcode("KITAP-DONE", Symbology::codabar));
    EXPECT_FALSE(encode_barcode("", Symbology::code128));
}

TEST(Barcode, SymbologiesByName) {
    EXPECT_EQ(symbology_from("code128"), Symbology::code128);
    EXPECT_EQ(symbology_from("codabar"), Symbology::codabar);
    EXPECT_EQ(symbology_from("ean13"), std::nullopt);
}

TEST(BarcodePainter, ModulesAreWholePrinterDotsAndQuietZonesCount) {
    const auto code = *encode_barcode("10000017", Symbology::code128);
    EXPECT_DOUBLE_EQ(symbol_width(code, 1), 99);                                // 79 modules and ten either side
    EXPECT_DOUBLE_EQ(*fitting_module(code, 40, dot_600_dpi), 8 * dot_600_dpi);  // 0.34 mm: room to spare
    EXPECT_DOUBLE_EQ(*fitting_module(code, 28, dot_600_dpi), 6 * dot_600_dpi);  // 0.254 mm just fits
    EXPECT_EQ(fitting_module(code, 20, dot_600_dpi), std::nullopt);             // would need thinner bars
}

}  // namespace
}  // namespace kitap::printing
