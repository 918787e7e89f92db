// A curriculum, as `kitap curriculum import FILE [--dry-run]` reads it: grades,
// languages of instruction and catalogued ISBNs. Its header promises no
// re-import rule, so only the common import invariants are checked.
#include "core/textbooks/curriculum.hpp"
#include "tests/fuzz/support/import_check.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kitap;
    const auto import = [](SQLite::Database& db, std::string_view bytes, bool dry_run) {
        return core::import_curriculum(db, bytes, {.dry_run = dry_run, .now = fuzz::import_time});
    };
    fuzz::check_import({reinterpret_cast<const char*>(data), size}, import, false);
    return 0;
}
