#pragma once

#include "kiosk/print/barcode.hpp"
#include "kiosk/print/print_error.hpp"
#include "kiosk/print/sheet_layout.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kitap::printing {

struct CopyLabel {
    std::string code;   // the inventory number
    std::string title;  // a short title; empty for numbers not yet given to a copy
};

struct CopyLabelOptions {
    SheetLayout layout;
    Symbology symbology = Symbology::code128;
    std::string library_name;  // printed small above the bars
    std::string document_title;
};

// Inventory labels: the library's name, the bars, the number under them, the
// title. Nothing is written when a code cannot be printed.
tl::expected<void, PrintError> write_copy_labels(const std::filesystem::path& path,
                                                 const std::vector<CopyLabel>& labels, const CopyLabelOptions& options);

}  // namespace kitap::printing
