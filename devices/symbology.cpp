#include "devices/symbology.hpp"

#include <array>
#include <utility>

namespace kitap::devices {
namespace {

constexpr std::array names{
    std::pair{Symbology::unknown, std::string_view("")},
    std::pair{Symbology::ean13, std::string_view("ean13")},
    std::pair{Symbology::ean8, std::string_view("ean8")},
    std::pair{Symbology::upca, std::string_view("upca")},
    std::pair{Symbology::upce, std::string_view("upce")},
    std::pair{Symbology::code128, std::string_view("code128")},
    std::pair{Symbology::code39, std::string_view("code39")},
    std::pair{Symbology::code93, std::string_view("code93")},
    std::pair{Symbology::codabar, std::string_view("codabar")},
    std::pair{Symbology::itf, std::string_view("itf")},
    std::pair{Symbology::databar, std::string_view("databar")},
    std::pair{Symbology::qr, std::string_view("qr")},
    std::pair{Symbology::data_matrix, std::string_view("datamatrix")},
    std::pair{Symbology::pdf417, std::string_view("pdf417")},
    std::pair{Symbology::aztec, std::string_view("aztec")},
};

}  // namespace

std::string_view to_string(Symbology symbology) {
    for (const auto& [value, name] : names)
        if (value == symbology) return name;
    return "";
}

std::optional<Symbology> symbology_from(std::string_view name) {
    if (name.empty()) return std::nullopt;
    for (const auto& [value, known] : names)
        if (known == name) return value;
    return std::nullopt;
}

bool has_check(Symbology symbology) {
    switch (symbology) {
        case Symbology::codabar:
        case Symbology::code39:
        case Symbology::itf:
        case Symbology::unknown:
            return false;
        default:
            return true;
    }
}

}  // namespace kitap::devices
