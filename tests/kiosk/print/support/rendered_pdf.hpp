#pragma once

#include "kiosk/print/geometry.hpp"
#include "tests/support/shell.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kitap::testing {

// One page of a PDF as pdftoppm renders it: 8-bit gray.
struct GrayPage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

inline constexpr int render_dpi = 300;

// Every page of `pdf` at `dpi` (pdftoppm -gray), in order.
std::vector<GrayPage> render_pdf(const std::filesystem::path& pdf, int dpi = render_dpi);

// The one barcode zxing-cpp 1.4 finds in `region` (millimetres) of the page:
// Code 128 or Codabar, tryHarder, one symbol and no down-scaling (what Debian's
// 1.4 needs not to abort); nullopt when it finds none.
std::optional<std::string> decode_region(const GrayPage& page, const printing::Box& region, int dpi = render_dpi);

// pdftotext's reading of the whole document.
std::string pdf_text(const std::filesystem::path& pdf);

// One member of a zip archive (an XLSX part), as `unzip -p` prints it.
std::string zip_member(const std::filesystem::path& archive, const std::string& member);

}  // namespace kitap::testing
