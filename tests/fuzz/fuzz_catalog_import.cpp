// The catalogue, as `kitap import catalog FILE [--dry-run]` reads it: titles,
// ISBNs, prices in tenge, title-level stock and inventory numbers.
#include "core/import/catalog_import.hpp"
#include "tests/fuzz/support/import_check.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kitap;
    const auto import = [](SQLite::Database& db, std::string_view bytes, bool dry_run) {
        return core::import_catalog(db, bytes, {.dry_run = dry_run, .now = fuzz::import_time});
    };
    fuzz::check_import({reinterpret_cast<const char*>(data), size}, import, true);
    return 0;
}
