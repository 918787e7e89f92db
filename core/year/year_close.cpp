#include "core/year/year_close.hpp"

#include "core/audit/overrides.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/year/school_years.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

using std::chrono::sys_days;

constexpr int last_grade = 11;

struct YearClass {
    RowId id = 0;
    int grade = 0;
    std::string letter;
    std::string language;
    int pupils = 0;
};

std::string class_name(int grade, const std::string& letter) { return std::to_string(grade) + letter; }

std::vector<YearClass> classes_of(SQLite::Database& db, const std::string& year) {
    SQLite::Statement query(db, R"(
        SELECT c.id, c.grade, c.letter, c.language,
               (SELECT count(*) FROM reader r WHERE r.class_id = c.id AND r.status = 'active' AND r.category = 'pupil')
        FROM school_class c WHERE c.school_year = ? ORDER BY c.grade, c.letter)");
    rebind(query, year);
    std::vector<YearClass> classes;
    while (query.executeStep())
        classes.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getInt(), query.getColumn(2).getString(),
                           query.getColumn(3).getString(), query.getColumn(4).getInt()});
    return classes;
}

std::optional<std::string> day_closed(SQLite::Database& db, const std::string& year) {
    SQLite::Statement query(db, "SELECT substr(closed_at, 1, 10) FROM school_year WHERE name = ?");
    if (!rebind(query, year).executeStep()) return std::nullopt;
    return query.getColumn(0).getString();
}

std::optional<std::string> latest_closed_year(SQLite::Database& db) {
    return optional_text(db.execAndGet("SELECT max(name) FROM school_year"));
}

tl::unexpected<Refusal> already_closed(const std::string& year, const std::string& day) {
    return refused_by_rule("year.close.already_closed", {{"year", year}, {"date", day}});
}

// A year that has not started is refused; when the year before it is closed,
// the librarian is closing that one a second time.
Checked<std::string> startable(SQLite::Database& db, const std::string& year, Date today) {
    if (sys_days{first_day_of_school_year(year)} <= sys_days{today}) return year;
    const std::string previous = previous_school_year(year);
    if (auto day = day_closed(db, previous)) return already_closed(previous, *day);
    return refused_by_rule("year.close.not_started",
                           {{"year", year}, {"date", iso_date(first_day_of_school_year(year))}});
}

// Closing a year in November would promote every pupil mid-year, for good.
std::optional<Refusal> too_early(const std::string& year, const YearCloseOptions& options, Date today) {
    if (options.early || options.dry_run || sys_days{today} >= sys_days{earliest_close_day(year)}) return std::nullopt;
    return refused_by_rule("year.close.too_early", {{"year", year}, {"date", iso_date(earliest_close_day(year))}})
        .value();
}

Checked<std::string> year_to_close(SQLite::Database& db, const YearCloseOptions& options, Date today) {
    const std::string year = options.year.value_or(current_school_year(db, today));
    if (!is_school_year_name(year)) return bad_input("year.close.bad_year", {{"year", year}});
    if (auto day = day_closed(db, year)) return already_closed(year, *day);
    auto started = startable(db, year, today);
    if (!started) return started;
    if (auto later = latest_closed_year(db); later && *later > year)
        return refused_by_rule("year.close.later_closed", {{"year", year}, {"later", *later}});
    if (auto refusal = too_early(year, options, today)) return tl::unexpected(*refusal);
    return year;
}

// A class of the next year with the grade and letter a class moves to, but taught in another language.
std::optional<Refusal> class_conflict(SQLite::Database& db, const std::vector<YearClass>& classes,
                                      const std::string& next_year) {
    SQLite::Statement existing(db,
                               "SELECT language FROM school_class WHERE school_year = ? AND grade = ? AND letter = ?");
    for (const auto& c : classes) {
        if (c.grade >= last_grade) continue;
        if (!rebind(existing, next_year, c.grade + 1, c.letter).executeStep()) continue;
        if (existing.getColumn(0).getString() != c.language)
            return refused_by_rule("year.close.class_conflict",
                                   {{"class", class_name(c.grade + 1, c.letter)}, {"year", next_year}})
                .value();
    }
    return std::nullopt;
}

std::vector<Graduate> graduates_of(SQLite::Database& db, const std::string& year) {
    SQLite::Statement query(db, R"(
        SELECT r.card, r.full_name, c.grade || c.letter,
               (SELECT count(*) FROM loan l WHERE l.reader_id = r.id AND l.returned_at IS NULL),
               (SELECT count(*) FROM compensation m WHERE m.reader_id = r.id AND m.settled_at IS NULL)
        FROM reader r JOIN school_class c ON c.id = r.class_id
        WHERE c.school_year = ? AND c.grade = 11 AND r.status = 'active' AND r.category = 'pupil'
        ORDER BY c.letter, r.full_name)");
    rebind(query, year);
    std::vector<Graduate> graduates;
    while (query.executeStep())
        graduates.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                             query.getColumn(2).getString(), query.getColumn(3).getInt(), query.getColumn(4).getInt()});
    return graduates;
}

std::vector<CarriedDebt> textbook_debts(SQLite::Database& db, const std::string& year) {
    SQLite::Statement query(db, R"(
        SELECT r.card, r.full_name, c.grade || c.letter, coalesce(cp.barcode, t.isbn, ''), t.title, l.quantity
        FROM loan l
        JOIN reader r ON r.id = l.reader_id
        JOIN school_class c ON c.id = r.class_id
        JOIN title t ON t.id = l.title_id
        LEFT JOIN copy cp ON cp.id = l.copy_id
        WHERE l.returned_at IS NULL AND t.kind = 'textbook' AND c.school_year = ? AND r.status = 'active'
        ORDER BY c.grade, c.letter, r.full_name, t.title)");
    rebind(query, year);
    std::vector<CarriedDebt> debts;
    while (query.executeStep())
        debts.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString(),
                         query.getColumn(3).getString(), query.getColumn(4).getString(), query.getColumn(5).getInt()});
    return debts;
}

YearClose plan_of(SQLite::Database& db, const std::string& year, const std::vector<YearClass>& classes) {
    YearClose plan{.year = year, .next_year = next_school_year(year)};
    for (const auto& c : classes)
        if (c.grade < last_grade)
            plan.promoted.push_back({class_name(c.grade, c.letter), class_name(c.grade + 1, c.letter), c.pupils});
    plan.graduates = graduates_of(db, year);
    plan.debts = textbook_debts(db, year);
    return plan;
}

// Moves the pupils on; every statement prepared once.
class Promotion {
public:
    Promotion(SQLite::Database& db, const YearClose& plan, const ActionStamp& by)
        : db_(db),
          store_(db),
          plan_(plan),
          by_(by),
          find_class_(db, "SELECT id FROM school_class WHERE school_year = ? AND grade = ? AND letter = ?"),
          insert_class_(db, "INSERT INTO school_class (grade, letter, language, school_year) VALUES (?, ?, ?, ?)"),
          pupils_(db, "SELECT id FROM reader WHERE class_id = ? AND status = 'active' AND category = 'pupil'"),
          move_(db, "UPDATE reader SET class_id = ? WHERE id = ?"),
          leave_(db, "UPDATE reader SET status = 'left' WHERE id = ?"),
          move_class_teachers_(db, "UPDATE OR IGNORE account_class SET class_id = ? WHERE class_id = ?"),
          drop_class_teachers_(db, "DELETE FROM account_class WHERE class_id = ?") {}

    void promote(const YearClass& c) {
        const RowId next_class = class_of_next_year(c);
        const std::string detail = class_name(c.grade, c.letter) + " " + plan_.year + " -> " +
                                   class_name(c.grade + 1, c.letter) + " " + plan_.next_year;
        for (const RowId pupil : pupils_of(c)) {
            rebind(move_, next_class, pupil).exec();
            store_.log_event(stamped(by_, {.action = "reader_promoted", .reader_id = pupil, .detail = detail}));
        }
        // A class teacher goes on with the class: their web account follows it.
        rebind(move_class_teachers_, next_class, c.id).exec();
    }

    void graduate(const YearClass& c) {
        const std::string detail = class_name(c.grade, c.letter) + " " + plan_.year;
        for (const RowId pupil : pupils_of(c)) {
            rebind(leave_, pupil).exec();
            store_.log_event(stamped(by_, {.action = "reader_graduated", .reader_id = pupil, .detail = detail}));
        }
        rebind(drop_class_teachers_, c.id).exec();  // nobody is left to lead
    }

    void record_closed() {
        SQLite::Statement insert(db_, "INSERT INTO school_year (name, closed_at) VALUES (?, ?)");
        rebind(insert, plan_.year, iso_timestamp(by_.at)).exec();
        store_.log_event(
            stamped(by_, {.action = "year_closed",
                          .detail = plan_.year + ": " + std::to_string(plan_.promoted.size()) + " classes promoted, " +
                                    std::to_string(plan_.graduates.size()) + " graduates, " +
                                    std::to_string(plan_.debts.size()) + " textbook loans carried" + early_note()}));
    }

private:
    // Closing before the earliest close day takes `--early`: the audit shows it.
    std::string early_note() const {
        const Date earliest = earliest_close_day(plan_.year);
        if (sys_days{local_date(by_.at)} >= sys_days{earliest}) return "";
        return "; before " + iso_date(earliest) + ", " + std::string(early_close_mark);
    }

    RowId class_of_next_year(const YearClass& c) {
        if (rebind(find_class_, plan_.next_year, c.grade + 1, c.letter).executeStep())
            return find_class_.getColumn(0).getInt64();
        rebind(insert_class_, c.grade + 1, c.letter, c.language, plan_.next_year).exec();
        return db_.getLastInsertRowid();
    }

    std::vector<RowId> pupils_of(const YearClass& c) {
        rebind(pupils_, c.id);
        std::vector<RowId> pupils;
        while (pupils_.executeStep()) pupils.push_back(pupils_.getColumn(0).getInt64());
        return pupils;
    }

    SQLite::Database& db_;
    LibraryStore store_;
    const YearClose& plan_;
    const ActionStamp& by_;
    SQLite::Statement find_class_;
    SQLite::Statement insert_class_;
    SQLite::Statement pupils_;
    SQLite::Statement move_;
    SQLite::Statement leave_;
    SQLite::Statement move_class_teachers_;
    SQLite::Statement drop_class_teachers_;
};

void apply(SQLite::Database& db, const YearClose& plan, const std::vector<YearClass>& classes, const ActionStamp& by) {
    Promotion promotion(db, plan, by);
    for (const auto& c : classes) {
        if (c.grade < last_grade)
            promotion.promote(c);
        else
            promotion.graduate(c);
    }
    promotion.record_closed();
}

int start_year(const std::string& school_year) { return std::stoi(school_year.substr(0, 4)); }

}  // namespace

bool is_school_year_name(std::string_view text) {
    if (text.size() != 9 || text[4] != '-') return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (i != 4 && (text[i] < '0' || text[i] > '9')) return false;
    return std::stoi(std::string(text.substr(5))) == std::stoi(std::string(text.substr(0, 4))) + 1;
}

std::string previous_school_year(const std::string& school_year) {
    const int start = start_year(school_year) - 1;
    return std::to_string(start) + "-" + std::to_string(start + 1);
}

Date first_day_of_school_year(const std::string& school_year) {
    return std::chrono::year{start_year(school_year)} / std::chrono::September / 1;
}

Date earliest_close_day(const std::string& school_year) {
    return std::chrono::year{start_year(school_year) + 1} / std::chrono::May / 1;
}

Date last_day_of_school_year(const std::string& school_year) {
    return std::chrono::year{start_year(school_year) + 1} / std::chrono::August / 31;
}

Checked<YearClose> close_school_year(SQLite::Database& db, const YearCloseOptions& options, const ActionStamp& by) {
    WriteTransaction transaction(db);
    const auto year = year_to_close(db, options, local_date(by.at));
    if (!year) return tl::unexpected(year.error());
    const auto classes = classes_of(db, *year);
    if (classes.empty()) return refused_by_rule("year.close.no_classes", {{"year", *year}});
    if (auto conflict = class_conflict(db, classes, next_school_year(*year))) return tl::unexpected(*conflict);
    auto plan = plan_of(db, *year, classes);
    plan.dry_run = options.dry_run;
    if (options.dry_run) return plan;
    apply(db, plan, classes, by);
    transaction.commit();
    return plan;
}

}  // namespace kitap::core
