#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// One loan, open or returned, as the librarian's lookup lists it.
struct HistoryLine {
    std::string code;  // the copy's barcode, else the title's ISBN
    std::string title;
    std::string reader_card;
    std::string reader_name;
    int quantity = 1;
    Date loaned;
    std::optional<Date> returned;

    friend bool operator==(const HistoryLine&, const HistoryLine&) = default;
};

// The newest loans first, at most `limit`: what a reader borrowed, or who had a copy.
std::vector<HistoryLine> reader_history(SQLite::Database& db, RowId reader_id, int limit);
std::vector<HistoryLine> copy_history(SQLite::Database& db, RowId copy_id, int limit);

}  // namespace kitap::core
