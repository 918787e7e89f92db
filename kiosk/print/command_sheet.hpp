#pragma once

#include "kiosk/print/print_error.hpp"
#include "kiosk/print/sheet_layout.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kitap::printing {

// A command barcode the stations understand, and what it does in both of the
// school's languages.
struct CommandLabel {
    std::string code;  // "KITAP-DONE"
    std::string kazakh;
    std::string russian;
};

// Ten cards of 92 × 46 mm, two across, under the heading of an A4 page.
SheetLayout command_sheet_layout();

struct CommandSheetOptions {
    std::string heading;  // at the top of every page
    std::string school;
    std::string document_title;
};

// Two columns of command cards on A4, each with a dashed outline to cut along:
// the meaning in Kazakh and Russian, the bars, the code under them.
tl::expected<void, PrintError> write_command_sheet(const std::filesystem::path& path,
                                                   const std::vector<CommandLabel>& commands,
                                                   const CommandSheetOptions& options);

}  // namespace kitap::printing
