#include "core/textbooks/class_progress.hpp"

#include "core/db/statement.hpp"
#include "core/textbooks/class_roster.hpp"
#include "core/year/school_years.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>

namespace kitap::core {

std::optional<ClassSetProgress> class_set_progress(SQLite::Database& db, std::string_view class_name, Date today) {
    const auto school_class = find_current_class(db, class_name, today);
    if (!school_class) return std::nullopt;
    ClassSetProgress progress{.class_name = school_class->name.text()};
    TextbookLedger ledger(db);
    for (const auto& pupil : active_pupils(db, school_class->id)) {
        PupilSetProgress line{.card = pupil.card, .name = pupil.name};
        for (auto& set_line : ledger.class_set(pupil.id)) {
            line.needed += set_line.per_pupil;
            line.held += std::min(set_line.held, set_line.per_pupil);
            if (set_line.missing() > 0) line.missing.push_back(std::move(set_line));
        }
        progress.needed += line.needed;
        progress.held += line.held;
        if (line.needed > 0 && line.complete()) ++progress.complete_sets;
        progress.pupils.push_back(std::move(line));
    }
    return progress;
}

std::vector<ClassProvision> class_provision(SQLite::Database& db, Date today) {
    // Per pupil and curriculum title, what the pupil holds of it, capped at the set's count.
    SQLite::Statement query(db, R"(
        WITH pupil AS (
            SELECT r.id, r.class_id FROM reader r
            WHERE r.status = 'active' AND r.category = 'pupil'),
        share AS (
            SELECT p.class_id, cu.per_pupil AS needed,
                   min(cu.per_pupil, (SELECT coalesce(sum(l.quantity), 0) FROM loan l
                                      WHERE l.reader_id = p.id AND l.title_id = cu.title_id
                                        AND l.returned_at IS NULL)) AS held
            FROM pupil p
            JOIN school_class c ON c.id = p.class_id
            JOIN curriculum cu ON cu.grade = c.grade AND cu.language = c.language)
        SELECT c.grade, c.letter,
               (SELECT count(*) FROM pupil p WHERE p.class_id = c.id),
               coalesce((SELECT sum(needed) FROM share s WHERE s.class_id = c.id), 0),
               coalesce((SELECT sum(held) FROM share s WHERE s.class_id = c.id), 0),
               EXISTS (SELECT 1 FROM curriculum cu WHERE cu.grade = c.grade AND cu.language = c.language)
        FROM school_class c
        WHERE c.school_year = ?)");
    rebind(query, current_school_year(db, today));
    std::vector<std::pair<ClassName, ClassProvision>> rows;
    while (query.executeStep()) {
        const int grade = query.getColumn(0).getInt();
        ClassName name{grade, query.getColumn(1).getString()};
        rows.emplace_back(name, ClassProvision{.class_name = name.text(),
                                               .grade = grade,
                                               .pupils = query.getColumn(2).getInt(),
                                               .needed = query.getColumn(3).getInt(),
                                               .held = query.getColumn(4).getInt(),
                                               .has_curriculum = query.getColumn(5).getInt() != 0});
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return in_school_order(a.first, b.first); });
    std::vector<ClassProvision> classes;
    for (auto& [name, row] : rows) classes.push_back(std::move(row));
    return classes;
}

}  // namespace kitap::core
