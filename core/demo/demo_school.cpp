#include "core/demo/demo_school.hpp"

#include "core/audit/event_log.hpp"
#include "core/db/statement.hpp"
#include "core/db/write_transaction.hpp"
#include "core/demo/demo_codes.hpp"
#include "core/demo/demo_fund.hpp"
#include "core/demo/demo_history.hpp"
#include "core/demo/demo_roster.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <map>

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace kitap::core {
namespace {

using demo::DemoHistory;
using demo::DemoLoan;
using demo::DemoSchool;

const char* station_name(demo::Station station) { return station == demo::Station::kiosk ? "kiosk" : "desk"; }

const char* status_name(CopyStatus status) {
    switch (status) {
        case CopyStatus::written_off:
            return "written_off";
        case CopyStatus::lost:
            return "lost";
        case CopyStatus::in_fund:
            break;
    }
    return "in_fund";
}

std::optional<std::int64_t> id_or_null(const std::vector<std::int64_t>& ids, int index) {
    if (index < 0) return std::nullopt;
    return ids[static_cast<std::size_t>(index)];
}

// A loan or a return in the event log; the log is written in time order.
struct LoggedChange {
    Timestamp at;
    int loan;
    bool is_return;
};

std::vector<LoggedChange> changes_in_time_order(const std::vector<DemoLoan>& loans) {
    std::vector<LoggedChange> changes;
    changes.reserve(loans.size() * 2);
    for (int i = 0; i < static_cast<int>(loans.size()); ++i) {
        changes.push_back({loans[i].loaned_at, i, false});
        if (loans[i].returned_at) changes.push_back({*loans[i].returned_at, i, true});
    }
    std::sort(changes.begin(), changes.end(), [](const LoggedChange& a, const LoggedChange& b) {
        return std::tie(a.at, a.loan, a.is_return) < std::tie(b.at, b.loan, b.is_return);
    });
    return changes;
}

// Writes the school with statements prepared once; rows refer to each other by the
// ids SQLite gives, kept per vector index.
class DemoWriter {
public:
    explicit DemoWriter(SQLite::Database& db)
        : db_(db),
          class_(db, "INSERT INTO school_class (grade, letter, language, school_year) VALUES (?, ?, ?, ?)"),
          reader_(db, "INSERT INTO reader (card, full_name, category, class_id, status) VALUES (?, ?, ?, ?, ?)"),
          title_(db, R"(
              INSERT INTO title (title, authors, isbn, publisher, year, language, kind, grade, subject, price_tiyn, stock)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"),
          copy_(db, "INSERT INTO copy (barcode, title_id, status) VALUES (?, ?, ?)"),
          loan_(db, R"(
              INSERT INTO loan (reader_id, title_id, copy_id, quantity, loaned_at, due, returned_at, station)
              VALUES (?, ?, ?, 1, ?, ?, ?, ?))"),
          visit_(db, "INSERT INTO visit (reader_id, day, station) VALUES (?, ?, ?)"),
          curriculum_(db, R"(
              INSERT OR IGNORE INTO curriculum (grade, language, title_id, per_pupil, subject)
              SELECT ?, ?, id, 1, subject FROM title WHERE id = ?)"),
          events_(db) {}

    void write_school(const DemoSchool& school) {
        for (const auto& c : school.classes)
            class_ids_.push_back(
                insert(class_, c.grade, c.letter, std::string(to_string(c.language)), school.school_year));
        for (const auto& r : school.readers)
            reader_ids_.push_back(insert(reader_, r.card, r.full_name, std::string(to_string(r.category)),
                                         id_or_null(class_ids_, r.class_index), r.left ? "left" : "active"));
        for (const auto& t : school.titles)
            title_ids_.push_back(insert(title_, t.title, t.authors, t.isbn, t.publisher, t.year, t.language,
                                        std::string(to_string(t.kind)), t.grade, t.subject, t.price_tiyn, t.stock));
        for (const auto& c : school.copies)
            copy_ids_.push_back(insert(copy_, c.barcode, title_ids_[c.title], status_name(c.status)));
        write_curriculum(school);
    }

    // The curriculum table knows grade and language, not the streams of grades
    // 10-11, so those grades get the titles every stream shares; stream books are
    // issued at the desk as titles outside the curriculum.
    void write_curriculum(const DemoSchool& school) {
        std::map<std::pair<int, ClassLanguage>, std::map<int, int>> streams_having;  // title -> streams listing it
        std::map<std::pair<int, ClassLanguage>, int> stream_count;
        for (const auto& [key, titles] : school.curriculum) {
            const auto& [grade, language, stream] = key;
            ++stream_count[{grade, language}];
            for (int title : titles) ++streams_having[{grade, language}][title];
        }
        for (const auto& [grade_language, titles] : streams_having)
            for (const auto& [title, streams] : titles)
                if (streams == stream_count[grade_language])
                    rebind(curriculum_, grade_language.first, std::string(to_string(grade_language.second)),
                           title_ids_[title])
                        .exec();
    }

    void write_history(const DemoHistory& history) {
        for (const auto& loan : history.loans) {
            const std::optional<std::string> returned =
                loan.returned_at ? std::optional(iso_timestamp(*loan.returned_at)) : std::nullopt;
            rebind(loan_, reader_ids_[loan.reader], title_ids_[loan.title], id_or_null(copy_ids_, loan.copy),
                   iso_timestamp(loan.loaned_at), iso_date(loan.due), returned, station_name(loan.station))
                .exec();
        }
        for (const auto& visit : history.visits)
            rebind(visit_, reader_ids_[visit.reader], iso_date(visit.day), station_name(visit.station)).exec();
        for (const auto& change : changes_in_time_order(history.loans)) log(history.loans[change.loan], change);
    }

    void log_demo(const DemoOptions& options) {
        events_.append(
            {.at = options.now,
             .actor = {ActorRole::demo},
             .action = "demo",
             .detail = "seed=" + std::to_string(options.seed) + " years=" + std::to_string(options.years_of_history)});
    }

private:
    template <typename... Args>
    std::int64_t insert(SQLite::Statement& statement, const Args&... args) {
        rebind(statement, args...).exec();
        return db_.getLastInsertRowid();
    }

    void log(const DemoLoan& loan, const LoggedChange& change) {
        events_.append({.at = change.at,
                        .station = station_name(change.is_return ? loan.return_station : loan.station),
                        .actor = {ActorRole::demo},
                        .action = change.is_return ? "return" : "loan",
                        .reader_id = reader_ids_[loan.reader],
                        .title_id = title_ids_[loan.title],
                        .copy_id = id_or_null(copy_ids_, loan.copy),
                        .quantity = 1});
    }

    SQLite::Database& db_;
    SQLite::Statement class_, reader_, title_, copy_, loan_, visit_, curriculum_;
    EventLog events_;
    std::vector<std::int64_t> class_ids_, reader_ids_, title_ids_, copy_ids_;
};

// The seed's own stream for reader cards: "card" in ASCII mixed into the seed.
constexpr std::uint32_t card_stream = 0x63617264;

DemoSchool build_school(Date today, std::uint32_t seed, demo::DemoRandom& random) {
    DemoSchool school;
    school.school_year = school_year_of(today);
    demo::DemoRandom card_random(seed ^ card_stream);
    demo::add_roster(school, random, card_random);
    demo::IsbnMaker isbns;
    demo::add_textbook_fund(school, random, isbns);
    demo::add_main_fund(school, today, random, isbns);
    return school;
}

DemoSummary summarize(SQLite::Database& db, Date today) {
    SQLite::Statement query(db, R"(
        SELECT (SELECT count(*) FROM school_class), (SELECT count(*) FROM reader), (SELECT count(*) FROM title),
               (SELECT count(*) FROM copy), (SELECT count(*) FROM loan),
               (SELECT count(*) FROM loan WHERE returned_at IS NULL),
               (SELECT count(*) FROM loan WHERE returned_at IS NULL AND due < ?),
               (SELECT count(*) FROM visit), (SELECT coalesce(sum(stock), 0) FROM title))");
    query.bind(1, iso_date(today));
    query.executeStep();
    DemoSummary summary;
    int column = 0;
    for (int* count : {&summary.classes, &summary.readers, &summary.titles, &summary.copies, &summary.loans,
                       &summary.open_loans, &summary.overdue_loans, &summary.visits})
        *count = query.getColumn(column++).getInt();
    summary.title_stock = query.getColumn(column).getInt64();
    return summary;
}

}  // namespace

bool library_is_empty(SQLite::Database& db) {
    return db.execAndGet(
                 "SELECT NOT EXISTS (SELECT 1 FROM reader) AND NOT EXISTS (SELECT 1 FROM title) "
                 "AND NOT EXISTS (SELECT 1 FROM copy)")
               .getInt() == 1;
}

DemoSummary fill_demo_school(SQLite::Database& db, const DemoOptions& options) {
    if (!library_is_empty(db)) throw std::logic_error("a demo school can only fill an empty library");
    const Date today = local_date(options.now);
    demo::DemoRandom random(options.seed);
    const DemoSchool school = build_school(today, options.seed, random);
    const DemoHistory history = demo::simulate_history(school, options.now, options.years_of_history, random);

    WriteTransaction transaction(db);
    DemoWriter writer(db);
    writer.write_school(school);
    writer.write_history(history);
    writer.log_demo(options);
    transaction.commit();
    return summarize(db, today);
}

}  // namespace kitap::core
