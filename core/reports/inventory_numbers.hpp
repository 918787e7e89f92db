#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// New inventory numbers for copy labels: '1', a six-digit sequence continuing
// after the largest number of that shape any copy or reader card holds or any
// earlier allocation gave out, and a Luhn check digit (10000017, 10000025, ...),
// as the demo school and imports number copies.
struct InventoryRequest {
    int count = 0;
    std::optional<std::string> isbn;  // when set, a labelled copy of this title per number
    Timestamp now;
    std::string station = "cli";
};

enum class InventoryRefusal { bad_count, unknown_title, numbers_exhausted };
std::string_view to_string(InventoryRefusal refusal);

struct InventoryOutcome {
    std::vector<std::string> numbers;
    std::string title;  // the title the copies were made of, if any
    std::optional<InventoryRefusal> refusal;
};

inline constexpr int max_inventory_request = 10'000;

// One transaction: the numbers are reserved (the next allocation continues after
// them even while no copy carries them), the copies created when an ISBN is
// given, and an 'inventory_numbers' event (with a 'copy_added' per copy) logged.
// Refused, nothing written: a count outside 1..max_inventory_request, an ISBN
// that names no catalogued title, no numbers left below 19999999.
InventoryOutcome allocate_inventory_numbers(SQLite::Database& db, const InventoryRequest& request);

}  // namespace kitap::core
