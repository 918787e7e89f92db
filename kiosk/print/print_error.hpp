#pragma once

#include "kiosk/app/translator.hpp"

#include <string>

namespace kitap::printing {

// Why nothing was printed, as a translation key ("print.error.cannot_write")
// and what fills its placeholders. Expected outcomes only: a code a barcode
// cannot carry, a file that cannot be written.
struct PrintError {
    std::string key;
    app::MessageArgs args;
};

}  // namespace kitap::printing
