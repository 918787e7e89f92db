#pragma once

#include "kiosk/print/barcode.hpp"
#include "kiosk/print/print_error.hpp"

#include <tl/expected.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kitap::printing {

struct ReaderCard {
    std::string card;
    std::string name;
    std::string group;  // "5Ә сынып", "Мұғалім"
};

// What every card of a print run says besides the reader's own lines.
struct ReaderCardOptions {
    std::string school;
    std::string heading;    // "Оқырман билеті"
    std::string year_line;  // "2026-2027 оқу жылы"
    std::string document_title;
    Symbology symbology = Symbology::code128;
};

// Cards of 85.6 × 54 mm, ten to an A4 sheet with cut marks: the school, the
// heading, the reader's name, class and year, the card's barcode and number.
tl::expected<void, PrintError> write_reader_cards(const std::filesystem::path& path,
                                                  const std::vector<ReaderCard>& cards,
                                                  const ReaderCardOptions& options);

}  // namespace kitap::printing
