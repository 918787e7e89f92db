#include "kiosk/district/district_sync.hpp"

#include "kiosk/district/district_database.hpp"

#include <pqxx/pqxx>

#include <optional>
#include <tuple>

namespace kitap::district {
namespace {

// Enough rows to keep COPY busy, few enough that a page of them is a few megabytes.
constexpr int events_per_page = 20000;

// A fault of the school's library met deep in the sync: carried out to sync_school,
// which gives it back as a value (the server's failures stay exceptions).
struct LibraryFault {
    core::Fault fault;
};

template <typename T>
T from_library(core::OrFault<T> result) {
    if (!result) throw LibraryFault{result.error()};
    return std::move(*result);
}

std::optional<std::string> unless_empty(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional(text);
}

// A school's own server account syncs that school only (sql/0002_school_roles.sql):
// said plainly here, rather than by the row-level security refusing the first row.
void require_own_account(pqxx::work& transaction, const SchoolIdentity& school) {
    const auto account = transaction.exec1(R"(
        SELECT rolname, NOT rolsuper AND pg_has_role(oid, 'kitap_school', 'MEMBER')
        FROM pg_roles WHERE rolname = current_user)");
    const auto name = account[0].as<std::string>();
    if (!account[1].as<bool>() || name == school.id) return;
    throw DistrictError("the server account \"" + name + "\" is school \"" + name + "\"'s and cannot sync school \"" +
                        school.id + "\": check [school] id, and the user in [district] url");
}

// What the district holds of the school: up to which event, and that event's hash.
struct Acknowledged {
    std::int64_t sequence = 0;
    std::optional<std::string> hash;
};

// The school's row, created at its first sync and locked until this sync commits:
// a second sync of the same school waits, then finds the events already there.
Acknowledged lock_school(pqxx::work& transaction, const SchoolIdentity& school) {
    transaction.exec_params("INSERT INTO school (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", school.id,
                            school.name);
    const auto row =
        transaction.exec_params1("SELECT last_sequence, last_hash FROM school WHERE id = $1 FOR UPDATE", school.id);
    return {.sequence = row[0].as<std::int64_t>(),
            .hash = row[1].is_null() ? std::nullopt : std::optional(row[1].as<std::string>())};
}

// The events the district holds must be this library's: else its new events would
// take sequence numbers the district already has and be dropped as repeats.
void require_same_log(core::Library& library, const SchoolIdentity& school, const Acknowledged& acknowledged,
                      std::int64_t last_sequence) {
    if (acknowledged.sequence == 0) return;
    const auto own_hash = from_library(library.district().event_hash(acknowledged.sequence));
    if (acknowledged.sequence <= last_sequence && own_hash == acknowledged.hash) return;
    throw DistrictError("the district holds events 1-" + std::to_string(acknowledged.sequence) + " of school \"" +
                        school.id + "\" that this library did not write (its event log " +
                        (acknowledged.sequence > last_sequence
                             ? "ends at " + std::to_string(last_sequence)
                             : "differs at " + std::to_string(acknowledged.sequence)) +
                        "): check [school] id; a library restored from an older backup cannot sync under the "
                        "same id");
}

// A table of this transaction shaped like `table`, to COPY rows into before they are
// inserted in `table`: PostgreSQL takes no COPY into a table whose row-level security
// binds the connected account, as it binds a school's (sql/0002_school_roles.sql).
std::string staging_table(pqxx::work& transaction, const std::string& table) {
    const auto staging = "incoming_" + table;
    transaction.exec("CREATE TEMP TABLE " + transaction.quote_name(staging) + " (LIKE " +
                     transaction.quote_name(table) + ") ON COMMIT DROP");
    return staging;
}

struct EventsCopied {
    std::int64_t inserted = 0;
    std::int64_t already = 0;
    std::optional<std::string> last_at;
};

// Pages of events after `after` up to `up_to`, COPY'd into a table of this
// transaction, then added to the district's where not there yet.
EventsCopied copy_events(pqxx::work& transaction, core::Library& library, const std::string& school, std::int64_t after,
                         std::int64_t up_to) {
    const auto incoming = staging_table(transaction, "event");
    EventsCopied copied;
    std::int64_t sent = 0;
    pqxx::stream_to stream(transaction, incoming,
                           std::vector<std::string>{"school", "sequence", "at", "station", "actor_role", "action",
                                                    "reader", "isbn", "copy_id", "quantity"});
    for (auto from = after; from < up_to;) {
        const auto page = from_library(library.district().events(from, up_to, events_per_page));
        if (page.empty()) break;
        for (const auto& event : page)
            stream << std::make_tuple(school, event.sequence, event.at, event.station, event.actor_role, event.action,
                                      unless_empty(event.reader), unless_empty(event.isbn), event.copy_id,
                                      event.quantity);
        from = page.back().sequence;
        copied.last_at = page.back().at;
        sent += static_cast<std::int64_t>(page.size());
    }
    stream.complete();
    copied.inserted =
        transaction.exec("INSERT INTO event SELECT * FROM " + incoming + " ON CONFLICT DO NOTHING").affected_rows();
    copied.already = sent - copied.inserted;
    return copied;
}

// `rows` (each made a tuple by `row_of`) added to `table` as the school's.
template <typename Rows, typename RowOf>
std::int64_t copy_rows(pqxx::work& transaction, const std::string& table, std::vector<std::string> columns,
                       const std::string& school, const Rows& rows, RowOf row_of) {
    columns.insert(columns.begin(), "school");
    const auto staging = staging_table(transaction, table);
    pqxx::stream_to stream(transaction, staging, columns);
    for (const auto& row : rows) stream << std::tuple_cat(std::make_tuple(school), row_of(row));
    stream.complete();
    std::string names;
    for (const auto& column : columns) names += (names.empty() ? "" : ", ") + transaction.quote_name(column);
    transaction.exec("INSERT INTO " + transaction.quote_name(table) + " (" + names + ") SELECT " + names + " FROM " +
                     transaction.quote_name(staging));
    return static_cast<std::int64_t>(rows.size());
}

// The school's rows of `table`, replaced by `rows`.
template <typename Rows, typename RowOf>
std::int64_t replace_rows(pqxx::work& transaction, const std::string& table, std::vector<std::string> columns,
                          const std::string& school, const Rows& rows, RowOf row_of) {
    transaction.exec_params("DELETE FROM " + transaction.quote_name(table) + " WHERE school = $1", school);
    return copy_rows(transaction, table, std::move(columns), school, rows, row_of);
}

struct AnnualRow {
    std::string year;
    std::string key;
    std::int64_t value = 0;
};

std::vector<AnnualRow> annual_rows(const std::vector<core::DistrictYear>& years) {
    std::vector<AnnualRow> rows;
    for (const auto& year : years)
        for (const auto& line : core::annual_lines(year.figures))
            rows.push_back({year.year, std::string(line.key), line.value});
    return rows;
}

std::vector<std::tuple<std::string, std::string, long long>> annual_months(
    const std::vector<core::DistrictYear>& years) {
    std::vector<std::tuple<std::string, std::string, long long>> months;
    for (const auto& year : years)
        for (const auto& month : year.figures.loans_by_month) months.emplace_back(year.year, month.month, month.loans);
    return months;
}

// The school's annual figures of the years sent, replaced; the district keeps the
// earlier years' as they were last sent (core::DistrictSnapshot::annual).
std::int64_t replace_years(pqxx::work& transaction, const std::string& school,
                           const std::vector<core::DistrictYear>& years) {
    std::string names;  // a text[] literal: year names are digits and a hyphen
    for (const auto& year : years) names += (names.empty() ? "" : ",") + year.year;
    for (const auto* table : {"annual_figure", "annual_month"})
        transaction.exec_params(std::string("DELETE FROM ") + table + " WHERE school = $1 AND year = ANY ($2::text[])",
                                school, "{" + names + "}");
    copy_rows(transaction, "annual_month", {"year", "month", "loans"}, school, annual_months(years),
              [](const auto& month) { return month; });
    return copy_rows(transaction, "annual_figure", {"year", "key", "value"}, school, annual_rows(years),
                     [](const AnnualRow& row) { return std::make_tuple(row.year, row.key, row.value); });
}

using Snapshots = std::vector<std::pair<std::string, std::int64_t>>;

Snapshots replace_snapshots(pqxx::work& transaction, const std::string& school, const core::DistrictSnapshot& s) {
    Snapshots counts;
    counts.emplace_back(
        "titles",
        replace_rows(transaction, "title",
                     {"isbn", "title", "authors", "kind", "language", "subject", "grade", "owned", "on_loan", "free"},
                     school, s.titles, [](const core::DistrictTitle& t) {
                         return std::make_tuple(t.isbn, t.title, t.authors, t.kind, t.language, t.subject, t.grade,
                                                t.owned, t.on_loan, t.free);
                     }));
    counts.emplace_back("curriculum",
                        replace_rows(transaction, "curriculum", {"grade", "language", "isbn", "per_pupil"}, school,
                                     s.curriculum, [](const core::DistrictCurriculumLine& c) {
                                         return std::make_tuple(c.grade, c.language, c.isbn, c.per_pupil);
                                     }));
    counts.emplace_back("class_sizes",
                        replace_rows(transaction, "class_size", {"grade", "language", "classes", "pupils"}, school,
                                     s.class_sizes, [](const core::DistrictClassSize& c) {
                                         return std::make_tuple(c.grade, c.language, c.classes, c.pupils);
                                     }));
    counts.emplace_back(
        "provision",
        replace_rows(transaction, "provision", {"grade", "language", "isbn", "title", "pupils", "needed", "issued"},
                     school, s.provision, [](const core::DistrictProvision& p) {
                         return std::make_tuple(p.grade, p.language, p.isbn, p.title, p.pupils, p.needed, p.issued);
                     }));
    counts.emplace_back("need", replace_rows(transaction, "need", {"isbn", "title", "needed", "usable", "to_order"},
                                             school, s.need, [](const core::DistrictNeed& n) {
                                                 return std::make_tuple(n.isbn, n.title, n.needed, n.usable,
                                                                        n.to_order);
                                             }));
    counts.emplace_back("annual_figures", replace_years(transaction, school, s.annual));
    return counts;
}

void record_sync(pqxx::work& transaction, const SchoolIdentity& school, std::int64_t last_sequence,
                 const std::optional<std::string>& last_hash, const std::optional<std::string>& last_at,
                 const core::DistrictSnapshot& snapshot) {
    transaction.exec_params(
        "UPDATE school SET name = $2, last_sequence = $3, last_hash = $4, last_event_at = coalesce($5, last_event_at), "
        "last_sync = now(), school_year = $6, need_for_year = $7 WHERE id = $1",
        school.id, school.name, last_sequence, last_hash, last_at, snapshot.school_year, snapshot.need_for_year);
}

SyncReport run_sync(core::Library& library, const SchoolIdentity& school, pqxx::connection& connection,
                    core::Date today) {
    require_current_schema(connection);
    connection.set_client_encoding("UTF8");  // the school's text is UTF-8, whatever the server's default
    pqxx::work transaction(connection);
    // A sync whose PC lost power holds the school's row until the server notices: the
    // next sync says so after a minute rather than hanging until the timer gives up.
    transaction.exec("SET LOCAL lock_timeout = '60s'");
    require_own_account(transaction, school);
    const auto acknowledged = lock_school(transaction, school);
    const auto up_to = from_library(library.district().last_sequence());
    require_same_log(library, school, acknowledged, up_to);
    const auto copied = copy_events(transaction, library, school.id, acknowledged.sequence, up_to);
    const auto snapshot = from_library(library.district().snapshot(today, acknowledged.sequence));
    SyncReport report{.school = school.id,
                      .events_sent = copied.inserted,
                      .events_already = copied.already,
                      .last_sequence = std::max(acknowledged.sequence, up_to),
                      .snapshots = replace_snapshots(transaction, school.id, snapshot)};
    const auto last_hash = report.last_sequence == acknowledged.sequence
                               ? acknowledged.hash
                               : from_library(library.district().event_hash(report.last_sequence));
    record_sync(transaction, school, report.last_sequence, last_hash, copied.last_at, snapshot);
    transaction.commit();
    return report;
}

}  // namespace

core::OrFault<SyncReport> sync_school(core::Library& library, const SchoolIdentity& school,
                                      pqxx::connection& connection, core::Date today) {
    try {
        return run_sync(library, school, connection, today);
    } catch (const LibraryFault& met) {
        return tl::unexpected(met.fault);
    }
}

}  // namespace kitap::district
