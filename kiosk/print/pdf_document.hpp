#pragma once

#include "kiosk/print/geometry.hpp"
#include "kiosk/print/print_error.hpp"

#include <cairo.h>
#include <tl/expected.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace kitap::printing {

// A PDF being written with cairo, page by page; user units are millimetres.
class PdfDocument {
public:
    // Drawn in memory and written to `path` (through write_document_file: 0600,
    // never through a link) when finished.
    PdfDocument(const std::filesystem::path& path, PageSize size, const std::string& title);
    // Drawn and thrown away: for counting the pages a document takes.
    explicit PdfDocument(PageSize size);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    cairo_t* cr() const { return cr_; }
    PageSize size() const { return size_; }
    void next_page();
    int pages() const { return pages_; }
    tl::expected<void, PrintError> finish();

private:
    void start_drawing();

    PageSize size_;
    std::optional<std::filesystem::path> path_;
    std::string bytes_;  // the PDF as cairo writes it, when it has a path
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    int pages_ = 1;
};

}  // namespace kitap::printing
