#include "core/textbooks/textbook_ledger.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

// Columns of a set line, for a reader ?1: the class set of the reader's class, each
// title with how many the reader holds, looked up per title in the index of open loans
// by reader and title (every scan at a station shows the set; a subquery summing the
// reader's loans once cost a temporary table per scan).
constexpr const char* set_line_select = R"(
    SELECT t.id, coalesce(t.isbn, ''), t.title, cu.subject, cu.per_pupil,
           (SELECT coalesce(sum(l.quantity), 0) FROM loan l
            WHERE l.reader_id = ?1 AND l.title_id = t.id AND l.returned_at IS NULL)
    FROM reader r
    JOIN school_class c ON c.id = r.class_id
    JOIN curriculum cu ON cu.grade = c.grade AND cu.language = c.language
    JOIN title t ON t.id = cu.title_id
    WHERE r.id = ?1)";

SetLine read_set_line(SQLite::Statement& row) {
    return SetLine{row.getColumn(0).getInt64(),  row.getColumn(1).getString(), row.getColumn(2).getString(),
                   row.getColumn(3).getString(), row.getColumn(4).getInt(),    row.getColumn(5).getInt()};
}

}  // namespace

Date school_year_start(Date today) {
    using namespace std::chrono;
    const year start = today.month() >= September ? today.year() : today.year() - years{1};
    return start / September / 1;
}

TextbookLedger::TextbookLedger(SQLite::Database& db)
    : class_set_(db, std::string(set_line_select) + " ORDER BY cu.subject, t.title"),
      set_line_(db, std::string(set_line_select) + " AND t.id = ?2"),
      held_(db, R"(
          SELECT coalesce(sum(quantity), 0) FROM loan
          WHERE reader_id = ? AND title_id = ? AND returned_at IS NULL)"),
      debt_(db, R"(
          SELECT coalesce(cp.barcode, t.isbn, ''), t.title, l.quantity, l.due
          FROM loan l JOIN title t ON t.id = l.title_id LEFT JOIN copy cp ON cp.id = l.copy_id
          WHERE l.reader_id = ? AND l.returned_at IS NULL AND t.kind = 'textbook'
            AND t.subject = ? AND t.subject <> '' AND l.due < ?
          ORDER BY l.due LIMIT 1)") {}

std::vector<SetLine> TextbookLedger::class_set(RowId reader_id) {
    auto& query = rebind(class_set_, reader_id);
    std::vector<SetLine> lines;
    while (query.executeStep()) lines.push_back(read_set_line(query));
    return lines;
}

std::optional<SetLine> TextbookLedger::set_line(RowId reader_id, RowId title_id) {
    auto& query = rebind(set_line_, reader_id, title_id);
    if (!query.executeStep()) return std::nullopt;
    return read_set_line(query);
}

int TextbookLedger::held(RowId reader_id, RowId title_id) {
    auto& query = rebind(held_, reader_id, title_id);
    query.executeStep();
    return query.getColumn(0).getInt();
}

std::optional<HeldItem> TextbookLedger::earlier_year_debt(RowId reader_id, const std::string& subject,
                                                          Date year_start) {
    auto& query = rebind(debt_, reader_id, subject, iso_date(year_start));
    if (!query.executeStep()) return std::nullopt;
    return HeldItem{query.getColumn(0).getString(), query.getColumn(1).getString(), TitleKind::textbook,
                    query.getColumn(2).getInt(), parse_iso_date(query.getColumn(3).getString()).value_or(Date{})};
}

}  // namespace kitap::core
