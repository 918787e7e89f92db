// The school office's roster, as `kitap import readers FILE [--dry-run]` reads it:
// any bytes as the file (encodings, separators, quoting, columns, classes, cards).
#include "core/import/reader_import.hpp"
#include "tests/fuzz/support/import_check.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kitap;
    const auto import = [](SQLite::Database& db, std::string_view bytes, bool dry_run) {
        return core::import_readers(db, bytes,
                                    {.school_year = "2025-2026", .dry_run = dry_run, .now = fuzz::import_time});
    };
    fuzz::check_import({reinterpret_cast<const char*>(data), size}, import, true);
    return 0;
}
