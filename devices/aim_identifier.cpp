#include "devices/aim_identifier.hpp"

#include <cctype>

namespace kitap::devices {
namespace {

// The code characters of ISO/IEC 15424 that scanners send; modifiers are a digit
// or an upper-case letter.
constexpr std::string_view aim_code_characters = "ACEFGHILMNOPQRSXdeopzU";

Symbology symbology_of(char code, char modifier, std::string_view data) {
    switch (code) {
        case 'A':
            return Symbology::code39;
        case 'C':
            return Symbology::code128;
        case 'E':
            if (modifier == '4') return Symbology::ean8;
            // ]E0 carries UPC-A and UPC-E expanded to 13 digits as well: for the
            // library they are all the same 13-digit number.
            return data.size() == 8 ? Symbology::ean8 : Symbology::ean13;
        case 'F':
            return Symbology::codabar;
        case 'G':
            return Symbology::code93;
        case 'I':
            return Symbology::itf;
        case 'L':
            return Symbology::pdf417;
        case 'Q':
            return Symbology::qr;
        case 'd':
            return Symbology::data_matrix;
        case 'e':
            return Symbology::databar;
        case 'z':
            return Symbology::aztec;
        default:
            return Symbology::unknown;
    }
}

bool is_modifier(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c));
}

}  // namespace

AimSplit split_aim_identifier(std::string_view line) {
    if (line.size() < 3 || line[0] != ']' || aim_code_characters.find(line[1]) == std::string_view::npos ||
        !is_modifier(line[2]))
        return {Symbology::unknown, line};
    const auto data = line.substr(3);
    return {symbology_of(line[1], line[2], data), data};
}

std::optional<ScanEvent> scan_from_line(std::string_view line, const std::string& source, Clock::time_point time) {
    const auto split = split_aim_identifier(line);
    if (split.data.empty()) return std::nullopt;
    return ScanEvent{.text = std::string(split.data), .symbology = split.symbology, .source = source, .time = time};
}

}  // namespace kitap::devices
