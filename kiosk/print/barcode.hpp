#pragma once

#include "kiosk/print/print_error.hpp"

#include <tl/expected.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::printing {

// The linear symbologies labels are printed in: Code 128 (the default: dense,
// with a check character) and Codabar (what older library scanners are set for).
enum class Symbology { code128, codabar };
std::optional<Symbology> symbology_from(std::string_view name);

// A dark bar: its first module and how many modules wide it is.
struct Bar {
    int start = 0;
    int width = 0;
};

// A 1D barcode as modules, from zxing-cpp's writer; quiet zones not included.
struct Barcode {
    std::string text;
    int modules = 0;
    std::vector<Bar> bars;
};

// Codabar is written with start and stop character A, which scanners drop.
// Fails for text the symbology cannot carry.
tl::expected<Barcode, PrintError> encode_barcode(std::string_view text, Symbology symbology);

}  // namespace kitap::printing
