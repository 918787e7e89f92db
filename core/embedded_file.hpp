#pragma once

#include <string_view>
#include <vector>

namespace kitap {

// A file compiled into the binary (migrations, translations), so an installed
// executable never depends on finding its data files at run time.
struct EmbeddedFile {
    std::string_view name;
    std::string_view contents;
};

}  // namespace kitap
