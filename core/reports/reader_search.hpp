#pragma once

#include "core/circulation/library_store.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// The longest reader search text taken: a full name fits several times over.
inline constexpr std::size_t max_reader_query = 200;

// Readers whose name contains `text` (ignoring case, Kazakh and Russian letters too)
// or whose card starts with it; by name, at most `limit`. With `classes`, only readers
// of those classes (a class teacher's). `text` is trimmed; the caller refuses an empty one.
std::vector<ReaderRecord> reader_search(SQLite::Database& db, std::string_view text,
                                        const std::optional<std::vector<std::string>>& classes, int limit);

}  // namespace kitap::core
