#include "kiosk/marc/marc_record.hpp"

namespace kitap::marc {

std::string MarcField::first(char code) const {
    for (const auto& subfield : subfields)
        if (subfield.code == code) return subfield.value;
    return {};
}

std::vector<std::string> MarcField::all(char code) const {
    std::vector<std::string> values;
    for (const auto& subfield : subfields)
        if (subfield.code == code) values.push_back(subfield.value);
    return values;
}

bool MarcRecord::has(std::string_view tag) const {
    for (const auto& field : fields)
        if (field.tag == tag) return true;
    return false;
}

std::vector<const MarcField*> MarcRecord::all(std::string_view tag) const {
    std::vector<const MarcField*> found;
    for (const auto& field : fields)
        if (field.tag == tag) found.push_back(&field);
    return found;
}

std::string MarcRecord::first(std::string_view tag, char code) const {
    for (const auto* field : all(tag))
        if (auto value = field->first(code); !value.empty()) return value;
    return {};
}

std::string MarcRecord::control(std::string_view tag) const {
    for (const auto& field : fields)
        if (field.tag == tag) return field.data;
    return {};
}

}  // namespace kitap::marc
