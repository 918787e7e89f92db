#pragma once

#include "core/import/import_result.hpp"
#include "kiosk/marc/marc_record.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace kitap::marc {

enum class MarcFormat { auto_detect, iso2709, marcxml };
enum class MarcEncoding { auto_detect, utf8, cp1251, marc8 };

// "auto", "iso2709", "marcxml" / "auto", "utf-8", "cp1251", "marc-8": the command line's words.
std::optional<MarcFormat> marc_format_from(std::string_view word);
std::optional<MarcEncoding> marc_encoding_from(std::string_view word);

struct MarcReadOptions {
    MarcFormat format = MarcFormat::auto_detect;  // auto: MARCXML when the file starts with '<'
    // ISO 2709 only (XML declares its own). auto, per record: UTF-8 when the MARC 21
    // leader says so (position 9 'a') or the bytes are UTF-8; else Windows-1251 (which
    // Russian and Kazakh systems write) when letters over 0x7F come in runs and no
    // escape sequence is there; else MARC-8.
    MarcEncoding encoding = MarcEncoding::auto_detect;
};

struct NumberedRecord {
    std::size_t number = 0;  // 1-based place in the file
    MarcRecord record;
};

// The records of a file, and what was wrong with the others: each problem's `line`
// is its record's number ("marc.error.*" keys). A record whose length cannot be
// trusted ends the reading there, as nothing after it can be found.
struct MarcReadResult {
    std::vector<NumberedRecord> records;
    std::vector<core::ImportProblem> problems;
};

// Reads ISO 2709 or MARCXML with yaz's parsers, the text turned to UTF-8 by yaz_iconv.
MarcReadResult read_marc(std::string_view bytes, const MarcReadOptions& options);

}  // namespace kitap::marc
