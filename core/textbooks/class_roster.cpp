#include "core/textbooks/class_roster.hpp"

#include "core/db/statement.hpp"
#include "core/year/school_years.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {

std::optional<ClassRow> find_current_class(SQLite::Database& db, std::string_view class_name, Date today) {
    const auto parsed = parse_class_name(class_name);
    if (!parsed.name) return std::nullopt;
    const std::string school_year = current_school_year(db, today);
    SQLite::Statement query(db,
                            "SELECT id, language FROM school_class WHERE school_year = ? AND grade = ? AND letter = ?");
    if (!rebind(query, school_year, parsed.name->grade, parsed.name->letter).executeStep()) return std::nullopt;
    return ClassRow{query.getColumn(0).getInt64(), *parsed.name,
                    class_language_from(query.getColumn(1).getString()).value_or(ClassLanguage::kk), school_year};
}

std::vector<Pupil> active_pupils(SQLite::Database& db, RowId class_id) {
    SQLite::Statement query(db, R"(
        SELECT id, card, full_name FROM reader
        WHERE class_id = ? AND status = 'active' AND category = 'pupil' ORDER BY full_name, id)");
    rebind(query, class_id);
    std::vector<Pupil> pupils;
    while (query.executeStep())
        pupils.push_back(
            {query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getString()});
    return pupils;
}

}  // namespace kitap::core
