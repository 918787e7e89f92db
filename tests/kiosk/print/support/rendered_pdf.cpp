#include "support/rendered_pdf.hpp"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kitap::testing {
namespace {

namespace fs = std::filesystem;

// A binary PGM (P5) as pdftoppm -gray writes it.
GrayPage read_pgm(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string magic;
    int max_value = 0;
    GrayPage page;
    in >> magic >> page.width >> page.height >> max_value;
    in.get();
    if (magic != "P5" || max_value != 255) throw std::runtime_error(file.string() + ": not an 8-bit PGM");
    page.pixels.resize(static_cast<std::size_t>(page.width) * static_cast<std::size_t>(page.height));
    in.read(reinterpret_cast<char*>(page.pixels.data()), static_cast<std::streamsize>(page.pixels.size()));
    return page;
}

int pixels(double mm, int dpi) { return static_cast<int>(std::lround(mm / printing::mm_per_inch * dpi)); }

}  // namespace

std::vector<GrayPage> render_pdf(const fs::path& pdf, int dpi) {
    const fs::path folder = pdf.parent_path() / (pdf.stem().string() + "-pages");
    fs::create_directories(folder);
    if (run("pdftoppm -gray -r " + std::to_string(dpi) + " " + quoted(pdf.string()) + " " +
            quoted((folder / "page").string())) != 0)
        throw std::runtime_error("pdftoppm failed on " + pdf.string());
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // page-01.pgm, page-02.pgm, ...: zero-padded alike
    std::vector<GrayPage> pages;
    for (const auto& file : files) pages.push_back(read_pgm(file));
    fs::remove_all(folder);
    return pages;
}

std::optional<std::string> decode_region(const GrayPage& page, const printing::Box& region, int dpi) {
    const int left = std::clamp(pixels(region.x, dpi), 0, page.width);
    const int top = std::clamp(pixels(region.y, dpi), 0, page.height);
    const int width = std::clamp(pixels(region.width, dpi), 0, page.width - left);
    const int height = std::clamp(pixels(region.height, dpi), 0, page.height - top);
    const ZXing::ImageView crop(page.pixels.data() + static_cast<std::size_t>(top) * page.width + left, width, height,
                                ZXing::ImageFormat::Lum, page.width);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::Codabar);
    hints.setTryHarder(true);
    hints.setTryRotate(false);
    hints.setTryDownscale(false);
    hints.setMaxNumberOfSymbols(1);
    const auto results = ZXing::ReadBarcodes(crop, hints);
    if (results.empty() || !results.front().isValid()) return std::nullopt;
    return results.front().text();
}

std::string pdf_text(const fs::path& pdf) {
    const fs::path text = pdf.string() + ".txt";
    if (run("pdftotext -enc UTF-8 " + quoted(pdf.string()) + " " + quoted(text.string())) != 0)
        throw std::runtime_error("pdftotext failed on " + pdf.string());
    return slurp(text);
}

std::string zip_member(const fs::path& archive, const std::string& member) {
    const fs::path out = archive.string() + ".member";
    if (run("unzip -p " + quoted(archive.string()) + " " + quoted(member) + " > " + quoted(out.string())) != 0)
        throw std::runtime_error("unzip found no " + member + " in " + archive.string());
    return slurp(out);
}

}  // namespace kitap::testing
