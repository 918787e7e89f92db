#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <string>

namespace kitap::core {

// The school year whose classes are in force: the calendar's (1 September –
// 31 August), unless the librarian has already closed it — after `kitap year
// close` in June the promoted classes of the next year are current.
std::string current_school_year(SQLite::Database& db, Date today);

// "2023-2024" -> "2024-2025".
std::string next_school_year(const std::string& school_year);

bool school_year_closed(SQLite::Database& db, const std::string& school_year);

}  // namespace kitap::core
