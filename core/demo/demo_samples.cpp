#include "core/demo/demo_samples.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

// The first row's text; `parameter` fills ?1 when the query has one.
std::optional<std::string> first_text(SQLite::Database& db, const char* sql, const std::string& parameter) {
    SQLite::Statement query(db, sql);
    if (query.getBindParameterCount() > 0) query.bind(1, parameter);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getString();
}

}  // namespace

DemoSamples find_demo_samples(SQLite::Database& db, Date today) {
    const std::string day = iso_date(today);
    DemoSamples samples;
    samples.pupil_card = first_text(db, R"(
        SELECT card FROM reader r WHERE status = 'active' AND category = 'pupil'
          AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.reader_id = r.id AND l.returned_at IS NULL AND l.due < ?1)
        ORDER BY id LIMIT 1)",
                                    day);
    samples.overdue_pupil_card = first_text(db, R"(
        SELECT r.card FROM reader r JOIN loan l ON l.reader_id = r.id
        WHERE r.status = 'active' AND r.category = 'pupil' AND l.returned_at IS NULL AND l.due < ?1
        ORDER BY r.id LIMIT 1)",
                                            day);
    samples.teacher_card = first_text(db, R"(
        SELECT card FROM reader WHERE status = 'active' AND category = 'teacher' ORDER BY id LIMIT 1)",
                                      day);
    samples.free_copy = first_text(db, R"(
        SELECT barcode FROM copy c WHERE status = 'in_fund'
          AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.copy_id = c.id AND l.returned_at IS NULL)
        ORDER BY id LIMIT 1)",
                                   day);
    samples.borrowed_copy = first_text(db, R"(
        SELECT c.barcode FROM copy c JOIN loan l ON l.copy_id = c.id AND l.returned_at IS NULL
        WHERE l.due >= ?1 ORDER BY c.id LIMIT 1)",
                                       day);
    samples.textbook_isbn = first_text(db, R"(
        SELECT isbn FROM title t WHERE kind = 'textbook' AND isbn IS NOT NULL
          AND stock > (SELECT coalesce(sum(quantity), 0) FROM loan l
                       WHERE l.title_id = t.id AND l.copy_id IS NULL AND l.returned_at IS NULL)
        ORDER BY year DESC, id LIMIT 1)",
                                       day);
    samples.pupil_without_set_card = first_text(db, R"(
        SELECT r.card FROM reader r JOIN school_class c ON c.id = r.class_id
        JOIN curriculum cu ON cu.grade = c.grade AND cu.language = c.language
        WHERE r.status = 'active' AND r.category = 'pupil'
          AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.reader_id = r.id AND l.returned_at IS NULL)
        ORDER BY c.grade DESC, r.id LIMIT 1)",
                                                day);
    if (!samples.pupil_without_set_card) return samples;
    const std::string& card = *samples.pupil_without_set_card;
    samples.class_without_set = first_text(db, R"(
        SELECT c.grade || c.letter FROM reader r JOIN school_class c ON c.id = r.class_id WHERE r.card = ?1)",
                                           card);
    samples.missing_textbook_isbn = first_text(db, R"(
        SELECT t.isbn FROM reader r JOIN school_class c ON c.id = r.class_id
        JOIN curriculum cu ON cu.grade = c.grade AND cu.language = c.language JOIN title t ON t.id = cu.title_id
        WHERE r.card = ?1 ORDER BY cu.subject, t.title LIMIT 1)",
                                               card);
    return samples;
}

}  // namespace kitap::core
