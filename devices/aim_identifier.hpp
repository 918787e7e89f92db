#pragma once

#include "devices/scan_event.hpp"
#include "devices/symbology.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kitap::devices {

// A scanned line split into its AIM symbology identifier and the data.
struct AimSplit {
    Symbology symbology = Symbology::unknown;
    std::string_view data;  // the line without the identifier
};

// Scanners configured to "transmit AIM ID" prefix every code with "]" + a code
// character + a modifier (ISO/IEC 15424): "]E0" EAN-13, "]C1" GS1-128, "]F0"
// Codabar, "]Q1" QR. A line without a known identifier comes back whole, with
// Symbology::unknown. An identifier we do not map ("]X0", "]H1") is still
// removed: it is never part of the code.
AimSplit split_aim_identifier(std::string_view line);

// A line from a pipe, a serial port or a keyboard burst as a scan: the AIM
// identifier, when present, becomes the symbology. nullopt when nothing is left
// after it: "]E0" alone carries no code.
std::optional<ScanEvent> scan_from_line(std::string_view line, const std::string& source, Clock::time_point time);

}  // namespace kitap::devices
