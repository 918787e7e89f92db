#pragma once

namespace kitap::core {

// The price a title is counted at (write-off sums, the order's sum): what it
// cost at its latest receipt, else the catalogue's price. An SQL expression over
// a title aliased `t`, spliced into the queries that need it.
inline constexpr const char* title_price_sql = R"(
    coalesce((SELECT r.price_tiyn FROM receipt r WHERE r.title_id = t.id
              ORDER BY r.received_on DESC, r.id DESC LIMIT 1), t.price_tiyn))";

}  // namespace kitap::core
