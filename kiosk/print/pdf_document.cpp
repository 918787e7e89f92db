#include "kiosk/print/pdf_document.hpp"

#include "kiosk/print/pending_file.hpp"

#include <cairo-pdf.h>

namespace kitap::printing {
namespace {

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

cairo_status_t append(void* bytes, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(bytes)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfDocument::PdfDocument(const std::filesystem::path& path, PageSize size, const std::string& title)
    : size_(size), path_(path) {
    surface_ =
        cairo_pdf_surface_create_for_stream(append, &bytes_, size.width * points_per_mm, size.height * points_per_mm);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Kitap");
    start_drawing();
}

PdfDocument::PdfDocument(PageSize size) : size_(size) {
    surface_ =
        cairo_pdf_surface_create_for_stream(discard, nullptr, size.width * points_per_mm, size.height * points_per_mm);
    start_drawing();
}

void PdfDocument::start_drawing() {
    cr_ = cairo_create(surface_);
    cairo_scale(cr_, points_per_mm, points_per_mm);
}

PdfDocument::~PdfDocument() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
}

void PdfDocument::next_page() {
    cairo_show_page(cr_);
    ++pages_;
}

tl::expected<void, PrintError> PdfDocument::finish() {
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    const auto status = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    if (!path_) return {};
    if (status != CAIRO_STATUS_SUCCESS) return tl::unexpected(cannot_write(*path_));
    return write_document_file(*path_, bytes_);
}

}  // namespace kitap::printing
