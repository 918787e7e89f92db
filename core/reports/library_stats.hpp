#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <map>
#include <string>

namespace kitap::core {

// The library at a glance, for `kitap stats` and the librarian's screen.
struct LibraryStats {
    std::map<std::string, int> readers;  // active readers by category
    int titles = 0;
    int copies = 0;             // labelled copies in the fund (not written off or lost)
    long long title_stock = 0;  // title-level copies owned
    int open_loans = 0;
    int overdue_loans = 0;
};

LibraryStats library_stats(SQLite::Database& db, Date today);

}  // namespace kitap::core
