#pragma once

#include "kiosk/marc/marc_record.hpp"

#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace kitap::marc {

enum class MarcOutput { marcxml, iso2709 };

// A record ISO 2709 cannot hold (over 99,999 bytes: a title with thousands of copies).
struct MarcWriteFailure {
    std::size_t index = 0;  // 0-based, in `records`
};

// The records in one file, UTF-8, written by yaz: a MARCXML collection or ISO 2709 records back to back.
tl::expected<std::string, MarcWriteFailure> write_marc(const std::vector<MarcRecord>& records, MarcOutput output);

}  // namespace kitap::marc
