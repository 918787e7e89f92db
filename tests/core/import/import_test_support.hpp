#pragma once

#include "core/import/import_result.hpp"

#include <iconv.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::testing {

// glibc's converter turns the UTF-8 written in a test into what Excel saves.
inline std::string encoded(std::string_view utf8, const char* charset, const char* from = "UTF-8") {
    const iconv_t cd = iconv_open(charset, from);
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open failed");
    std::string in(utf8), out(utf8.size() * 4 + 4, '\0');
    char* in_ptr = in.data();
    char* out_ptr = out.data();
    std::size_t in_left = in.size(), out_left = out.size();
    const std::size_t converted = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(cd);
    if (converted == static_cast<std::size_t>(-1)) throw std::runtime_error("iconv failed");
    out.resize(out.size() - out_left);
    return out;
}

inline std::string utf16le_with_bom(std::string_view utf8) { return "\xFF\xFE" + encoded(utf8, "UTF-16LE"); }
inline std::string utf16be_with_bom(std::string_view utf8) { return "\xFE\xFF" + encoded(utf8, "UTF-16BE"); }

// "line 3: import.error.bad_class value=5ӘӘ": problems as one readable line each.
inline std::vector<std::string> described(const core::ImportResult& result) {
    std::vector<std::string> lines;
    for (const auto& problem : result.problems) {
        auto line = "line " + std::to_string(problem.line) + ": " + problem.key;
        for (const auto& [name, value] : problem.args) line += " " + name + "=" + value;
        lines.push_back(line);
    }
    return lines;
}

}  // namespace kitap::testing
