#include "core/textbooks/textbook_reports.hpp"

#include "core/circulation/library_store.hpp"
#include "core/db/statement.hpp"
#include "core/year/school_years.hpp"

#include <SQLiteCpp/Database.h>

#include <map>

namespace kitap::core {
namespace {

using ClassTitle = std::pair<RowId, RowId>;

double percent(int part, int whole) { return whole == 0 ? 100.0 : 100.0 * part / whole; }

// Each figure comes from one grouped query over open loans, so the report costs
// a few scans of the current year rather than one per class and title.
std::map<RowId, int> pupils_per_class(SQLite::Database& db) {
    SQLite::Statement query(db, R"(
        SELECT class_id, count(*) FROM reader WHERE status = 'active' AND category = 'pupil' GROUP BY class_id)");
    std::map<RowId, int> pupils;
    while (query.executeStep()) pupils[query.getColumn(0).getInt64()] = query.getColumn(1).getInt();
    return pupils;
}

std::map<ClassTitle, int> issued_per_class_title(SQLite::Database& db, const std::string& school_year) {
    SQLite::Statement query(db, R"(
        SELECT r.class_id, h.title_id, sum(min(h.quantity, cu.per_pupil))
        FROM (SELECT reader_id, title_id, sum(quantity) AS quantity FROM loan
              WHERE returned_at IS NULL GROUP BY reader_id, title_id) h
        JOIN reader r ON r.id = h.reader_id AND r.status = 'active' AND r.category = 'pupil'
        JOIN school_class c ON c.id = r.class_id AND c.school_year = ?
        JOIN curriculum cu ON cu.grade = c.grade AND cu.language = c.language AND cu.title_id = h.title_id
        GROUP BY r.class_id, h.title_id)");
    rebind(query, school_year);
    std::map<ClassTitle, int> issued;
    while (query.executeStep())
        issued[{query.getColumn(0).getInt64(), query.getColumn(1).getInt64()}] = query.getColumn(2).getInt();
    return issued;
}

std::map<RowId, int> title_level_on_loan(SQLite::Database& db) {
    SQLite::Statement query(db, R"(
        SELECT title_id, sum(quantity) FROM loan WHERE returned_at IS NULL AND copy_id IS NULL GROUP BY title_id)");
    std::map<RowId, int> on_loan;
    while (query.executeStep()) on_loan[query.getColumn(0).getInt64()] = query.getColumn(1).getInt();
    return on_loan;
}

void add_grade_totals(ProvisionReport& report) {
    std::map<int, GradeProvision> grades;
    for (const auto& line : report.lines) {
        auto& grade = grades[line.grade];
        grade.grade = line.grade;
        grade.needed += line.needed;
        grade.issued += line.issued;
    }
    std::map<int, std::map<std::string, int>> class_pupils;
    for (const auto& line : report.lines) class_pupils[line.grade][line.class_name] = line.pupils;
    for (auto& [number, grade] : grades) {
        for (const auto& [name, pupils] : class_pupils[number]) grade.pupils += pupils;
        grade.provision_pct = percent(grade.issued, grade.needed);
        report.grades.push_back(grade);
    }
}

}  // namespace

ProvisionReport provision_report(SQLite::Database& db, const std::optional<ClassName>& only_class, Date today) {
    ProvisionReport report{.school_year = current_school_year(db, today)};
    const auto pupils = pupils_per_class(db);
    const auto issued = issued_per_class_title(db, report.school_year);
    const auto on_loan = title_level_on_loan(db);
    SQLite::Statement query(db, R"(
        SELECT c.id, c.grade, c.letter, c.language, t.id, coalesce(t.isbn, ''), t.title, cu.subject, cu.per_pupil, t.stock
        FROM school_class c
        JOIN curriculum cu ON cu.grade = c.grade AND cu.language = c.language
        JOIN title t ON t.id = cu.title_id
        WHERE c.school_year = ?1 AND (?2 IS NULL OR (c.grade = ?2 AND c.letter = ?3))
        ORDER BY c.grade, c.letter, cu.subject, t.title)");
    const std::optional<int> grade = only_class ? std::optional(only_class->grade) : std::nullopt;
    const std::optional<std::string> letter = only_class ? std::optional(only_class->letter) : std::nullopt;
    rebind(query, report.school_year, grade, letter);
    auto find = [](const auto& map, const auto& key) {
        auto it = map.find(key);
        return it == map.end() ? 0 : it->second;
    };
    while (query.executeStep()) {
        ProvisionLine line;
        const RowId class_id = query.getColumn(0).getInt64();
        const RowId title_id = query.getColumn(4).getInt64();
        line.grade = query.getColumn(1).getInt();
        line.class_name = std::to_string(line.grade) + query.getColumn(2).getString();
        line.language = query.getColumn(3).getString();
        line.isbn = query.getColumn(5).getString();
        line.title = query.getColumn(6).getString();
        line.subject = query.getColumn(7).getString();
        line.pupils = find(pupils, class_id);
        line.needed = line.pupils * query.getColumn(8).getInt();
        line.issued = find(issued, ClassTitle{class_id, title_id});
        line.provision_pct = percent(line.issued, line.needed);
        line.free_stock = query.getColumn(9).getInt() - find(on_loan, title_id);
        report.lines.push_back(std::move(line));
    }
    add_grade_totals(report);
    return report;
}

std::vector<ClassDebtors> debtors_report(SQLite::Database& db, const std::optional<ClassName>& only_class, Date as_of) {
    SQLite::Statement query(db, R"(
        SELECT coalesce(c.grade || c.letter, ''), r.card, r.full_name,
               coalesce(cp.barcode, t.isbn, ''), t.title, t.kind, l.quantity, l.due
        FROM loan l
        JOIN reader r ON r.id = l.reader_id
        LEFT JOIN school_class c ON c.id = r.class_id
        JOIN title t ON t.id = l.title_id
        LEFT JOIN copy cp ON cp.id = l.copy_id
        WHERE l.returned_at IS NULL AND l.due < ?1
          AND (?2 IS NULL OR (c.grade = ?2 AND c.letter = ?3))
        ORDER BY c.grade IS NULL, c.grade, c.letter, r.full_name, r.card, l.due, t.title)");
    const std::optional<int> grade = only_class ? std::optional(only_class->grade) : std::nullopt;
    const std::optional<std::string> letter = only_class ? std::optional(only_class->letter) : std::nullopt;
    rebind(query, iso_date(as_of), grade, letter);
    std::vector<ClassDebtors> classes;
    while (query.executeStep()) {
        const std::string class_name = query.getColumn(0).getString();
        if (classes.empty() || classes.back().class_name != class_name) classes.push_back({class_name, {}});
        auto& debtors = classes.back().debtors;
        const std::string card = query.getColumn(1).getString();
        if (debtors.empty() || debtors.back().card != card)
            debtors.push_back({card, query.getColumn(2).getString(), {}});
        debtors.back().items.push_back({query.getColumn(3).getString(), query.getColumn(4).getString(),
                                        query.getColumn(5).getString(), query.getColumn(6).getInt(),
                                        parse_iso_date(query.getColumn(7).getString()).value_or(Date{})});
    }
    return classes;
}

}  // namespace kitap::core
