#pragma once

#include "kiosk/print/print_error.hpp"
#include "kiosk/print/sheet_layout.hpp"

#include <cairo.h>
#include <tl/expected.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

namespace kitap::printing {

// Draws label `index` into `label` (the label's own box, padding not taken off).
using DrawLabel = std::function<void(cairo_t* cr, std::size_t index, const Box& label)>;

// Draws what every page carries besides its labels (a heading).
using DrawPage = std::function<void(cairo_t* cr)>;

// A PDF of `count` labels laid on as many pages of `layout` as they fill, with
// cut marks in the margins where the layout asks for them.
tl::expected<void, PrintError> write_label_sheets(const std::filesystem::path& path, const SheetLayout& layout,
                                                  std::size_t count, const std::string& title,
                                                  const DrawLabel& draw_label, const DrawPage& draw_page = {});

}  // namespace kitap::printing
