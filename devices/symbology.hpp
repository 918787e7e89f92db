#pragma once

#include <optional>
#include <string_view>

namespace kitap::devices {

// The barcode symbologies a source can name. `unknown` when the source cannot
// tell (a plain keyboard-mode scanner without AIM identifiers, a pipe line).
enum class Symbology {
    unknown,
    ean13,
    ean8,
    upca,
    upce,
    code128,
    code39,
    code93,
    codabar,
    itf,
    databar,
    qr,
    data_matrix,
    pdf417,
    aztec,
};

// Stable lower-case names that the station and scripts see: "ean13", "code128",
// "qr", "datamatrix"...; "" for unknown.
std::string_view to_string(Symbology symbology);

// The inverse of to_string, for configuration files and command lines.
std::optional<Symbology> symbology_from(std::string_view name);

// True when the symbology carries a check digit or error correction, so one
// clean read can be trusted; Codabar, Code 39 and ITF can misread silently.
bool has_check(Symbology symbology);

}  // namespace kitap::devices
