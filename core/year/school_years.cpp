#include "core/year/school_years.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {

std::string next_school_year(const std::string& school_year) {
    const int start = std::stoi(school_year.substr(0, 4)) + 1;
    return std::to_string(start) + "-" + std::to_string(start + 1);
}

bool school_year_closed(SQLite::Database& db, const std::string& school_year) {
    SQLite::Statement query(db, "SELECT 1 FROM school_year WHERE name = ?");
    return rebind(query, school_year).executeStep();
}

std::string current_school_year(SQLite::Database& db, Date today) {
    std::string year = school_year_of(today);
    while (school_year_closed(db, year)) year = next_school_year(year);
    return year;
}

}  // namespace kitap::core
