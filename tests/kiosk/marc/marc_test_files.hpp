#pragma once

// The fixtures of tests/kiosk/marc/data, made from MARCXML written by hand with
// yaz-marcdump (data/make_fixtures).
#include "tests/support/shell.hpp"

#include <filesystem>
#include <string>

namespace kitap::testing {

inline std::filesystem::path marc_data(const std::string& name) {
    return std::filesystem::path(KITAP_MARC_DATA) / name;
}

inline std::string marc_file(const std::string& name) { return slurp(marc_data(name)); }

}  // namespace kitap::testing
