#pragma once

#include "kiosk/workbook/zip_archive.hpp"

#include <string>
#include <string_view>

namespace kitap::workbook {

// What a reader does with an XML entry's elements; names without their namespace.
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    // `attributes` as expat gives them: name, value, ..., nullptr; names without namespace.
    virtual void start(std::string_view name, const char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
};

// The attribute's value, or nullptr.
const char* attribute(const char** attributes, std::string_view name);

// Parses the entry as it is inflated (expat, streaming). A document type
// declaration is refused (no entities, no billion laughs); malformed XML is a
// broken workbook.
void parse_xml(ZipArchive& archive, const std::string& entry, XmlHandler& handler);

}  // namespace kitap::workbook
