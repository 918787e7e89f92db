#include "core/district/district_export.hpp"

#include "core/db/statement.hpp"
#include "core/reports/order_report.hpp"
#include "core/security/sodium.hpp"
#include "core/settings/setting_store.hpp"
#include "core/textbooks/textbook_reports.hpp"
#include "core/year/school_years.hpp"

#include <SQLiteCpp/Database.h>
#include <sodium.h>

#include <map>
#include <stdexcept>
#include <tuple>

namespace kitap::core {
namespace {

constexpr auto pseudonym_key_setting = "district_pseudonym_key";

std::optional<PseudonymKey> key_from_hex(const std::string& hex) {
    PseudonymKey key{};
    std::size_t length = 0;
    if (sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
        length != key.size())
        return std::nullopt;
    return key;
}

std::vector<DistrictTitle> titles_by_isbn(SQLite::Database& db) {
    // Grouped once, not a subquery per title: open loans of labelled copies have no
    // index by title, and 1,500 scans of ten years' loans took 20 s of every sync.
    SQLite::Statement query(db, R"(
        WITH held AS (SELECT title_id, count(*) AS copies FROM copy WHERE status = 'in_fund' GROUP BY title_id),
             lent AS (SELECT title_id, sum(quantity) AS copies FROM loan WHERE returned_at IS NULL GROUP BY title_id)
        SELECT t.isbn, t.title, t.authors, t.kind, t.language, t.subject, t.grade,
               t.stock + coalesce(held.copies, 0), coalesce(lent.copies, 0)
        FROM title t LEFT JOIN held ON held.title_id = t.id LEFT JOIN lent ON lent.title_id = t.id
        WHERE t.isbn IS NOT NULL ORDER BY t.isbn)");
    std::vector<DistrictTitle> titles;
    while (query.executeStep()) {
        DistrictTitle title{.isbn = query.getColumn(0).getString(),
                            .title = query.getColumn(1).getString(),
                            .authors = query.getColumn(2).getString(),
                            .kind = query.getColumn(3).getString(),
                            .language = query.getColumn(4).getString(),
                            .subject = query.getColumn(5).getString(),
                            .grade = optional_int(query.getColumn(6)),
                            .owned = query.getColumn(7).getInt(),
                            .on_loan = query.getColumn(8).getInt()};
        title.free = std::max(0, title.owned - title.on_loan);
        titles.push_back(std::move(title));
    }
    return titles;
}

std::vector<DistrictCurriculumLine> curriculum_by_isbn(SQLite::Database& db) {
    SQLite::Statement query(db, R"(
        SELECT c.grade, c.language, t.isbn, c.per_pupil FROM curriculum c JOIN title t ON t.id = c.title_id
        WHERE t.isbn IS NOT NULL ORDER BY c.grade, c.language, t.isbn)");
    std::vector<DistrictCurriculumLine> lines;
    while (query.executeStep())
        lines.push_back({.grade = query.getColumn(0).getInt(),
                         .language = query.getColumn(1).getString(),
                         .isbn = query.getColumn(2).getString(),
                         .per_pupil = query.getColumn(3).getInt()});
    return lines;
}

std::vector<DistrictClassSize> class_sizes(SQLite::Database& db, const std::string& school_year) {
    SQLite::Statement query(db, R"(
        SELECT c.grade, c.language, count(DISTINCT c.id),
               count(r.id) FILTER (WHERE r.status = 'active' AND r.category = 'pupil')
        FROM school_class c LEFT JOIN reader r ON r.class_id = c.id
        WHERE c.school_year = ? GROUP BY c.grade, c.language ORDER BY c.grade, c.language)");
    rebind(query, school_year);
    std::vector<DistrictClassSize> sizes;
    while (query.executeStep())
        sizes.push_back({.grade = query.getColumn(0).getInt(),
                         .language = query.getColumn(1).getString(),
                         .classes = query.getColumn(2).getInt(),
                         .pupils = query.getColumn(3).getInt()});
    return sizes;
}

// The provision report's class lines, added up per grade, language and title.
std::vector<DistrictProvision> provision_by_grade(SQLite::Database& db, Date today) {
    std::map<std::tuple<int, std::string, std::string>, DistrictProvision> sums;
    for (const auto& line : provision_report(db, std::nullopt, today).lines) {
        if (line.isbn.empty()) continue;  // the city knows titles by ISBN only
        auto& sum = sums[{line.grade, line.language, line.isbn}];
        sum.grade = line.grade;
        sum.language = line.language;
        sum.isbn = line.isbn;
        sum.title = line.title;
        sum.pupils += line.pupils;
        sum.needed += line.needed;
        sum.issued += line.issued;
    }
    std::vector<DistrictProvision> provision;
    for (auto& [key, sum] : sums) provision.push_back(std::move(sum));
    return provision;
}

std::vector<DistrictNeed> next_year_need(SQLite::Database& db, const std::string& for_year, Date today) {
    const auto order = order_report(db, {.for_year = for_year, .today = today});
    std::vector<DistrictNeed> need;
    if (!order) return need;  // no classes to count pupils in: nothing to say of next year
    for (const auto& line : order->lines)
        if (!line.isbn.empty())  // the city knows titles by ISBN only
            need.push_back({.isbn = line.isbn,
                            .title = line.title,
                            .needed = line.needed,
                            .usable = line.usable,
                            .to_order = line.to_order});
    return need;
}

// Actions after which no earlier school year's figures can read differently: lending
// and taking back (a loss on return leaves today's stock and counts as gone since, so
// the fund on an earlier 1 September stays the same), visits, holds, stocktake scans,
// and the comings and goings of the kiosk, its stations and the web console's accounts.
// Anything else (an import, a receipt or write-off dated back, a year close, a
// setting) may move an earlier year's readers or fund, which rest on today's classes
// and stock (core/reports/annual_report.hpp).
constexpr auto only_todays_figures_move = R"((action IN ('loan', 'return', 'renew', 'visit', 'stocktake_scan',
    'not_in_catalog', 'compensation_due', 'settle', 'reader_pin_set', 'pin_accepted', 'pin_wrong', 'pin_locked_out',
    'librarian_locked', 'kiosk_closed', 'backup', 'self_service_paused', 'reader_pin_wrong', 'reader_pin_locked_out')
    OR action LIKE 'hold%' OR action LIKE 'web_login%' OR action LIKE 'account%' OR action = 'station_token_renewed'))";

std::optional<Date> local_day_of(const std::optional<std::string>& at) {
    if (!at) return std::nullopt;
    const auto timestamp = parse_iso_timestamp(*at);
    if (!timestamp) return std::nullopt;
    return local_date(*timestamp);
}

// The first day the annual figures have anything of: the first event's, or an earlier
// receipt's or write-off act's (entered later from a paper invoice or act).
std::optional<Date> first_figures_day(SQLite::Database& db) {
    auto first = local_day_of(optional_text(db.execAndGet("SELECT min(at) FROM event")));
    const auto papers =
        optional_text(db.execAndGet("SELECT min(day) FROM (SELECT min(received_on) AS day FROM receipt UNION ALL "
                                    "SELECT min(act_date) FROM writeoff_act)"));
    if (const auto paper_day = papers ? parse_iso_date(*papers) : std::nullopt)
        first = first ? std::min(*first, *paper_day) : *paper_day;
    return first;
}

// The first school year whose annual figures may differ from those the district was
// sent with the events up to `sent_up_to`: the first with any figures on a first sync
// or after anything but circulation, else the year of the earliest new event; nullopt
// when there is nothing new.
std::optional<std::string> first_year_changed(SQLite::Database& db, std::int64_t sent_up_to) {
    SQLite::Statement new_events(db, std::string(R"(
        SELECT min(at), count(*) FILTER (WHERE NOT )") +
                                         only_todays_figures_move + R"() FROM event WHERE id > ?)");
    rebind(new_events, sent_up_to);
    new_events.executeStep();
    const auto day = sent_up_to == 0 || new_events.getColumn(1).getInt64() > 0
                         ? first_figures_day(db)
                         : local_day_of(optional_text(new_events.getColumn(0)));
    if (!day) return std::nullopt;
    return school_year_of(*day);
}

// The annual figures of every school year from `first_year` to the current one.
std::vector<DistrictYear> annual_years(SQLite::Database& db, const std::string& first_year,
                                       const std::string& current_year) {
    std::vector<DistrictYear> years;
    auto year = school_year_span(first_year);
    const auto last = school_year_span(current_year);
    for (; year && last && year->first_day <= last->first_day; year = school_year_span(next_school_year(year->name)))
        years.push_back({.year = year->name, .figures = annual_figures(db, *year)});
    return years;
}

}  // namespace

std::optional<PseudonymKey> stored_pseudonym_key(SQLite::Database& db) {
    const auto stored = SettingStore(db).get(pseudonym_key_setting);
    if (!stored) return std::nullopt;
    const auto key = key_from_hex(*stored);
    // A new key would give every reader a new pseudonym: the city would count them twice.
    if (!key) throw std::runtime_error("the readers' pseudonym key in the settings is damaged");
    return key;
}

PseudonymKey make_pseudonym_key(SQLite::Database& db) {
    start_sodium();
    if (const auto stored = stored_pseudonym_key(db)) return *stored;
    PseudonymKey key{};
    randombytes_buf(key.data(), key.size());
    SettingStore(db).set(pseudonym_key_setting, hex_text(key));
    return key;
}

std::string reader_pseudonym(const PseudonymKey& key, std::int64_t reader_id) {
    start_sodium();
    const auto text = std::to_string(reader_id);
    std::array<unsigned char, 16> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                       key.data(), key.size());
    return hex_text(hash);
}

std::vector<DistrictEvent> district_events(SQLite::Database& db, const PseudonymKey& key, std::int64_t after,
                                           std::int64_t up_to, int limit) {
    SQLite::Statement query(db, R"(
        SELECT e.id, e.at, e.station, e.actor_role, e.action, e.reader_id, t.isbn, e.copy_id, e.quantity
        FROM event e LEFT JOIN title t ON t.id = e.title_id
        WHERE e.id > ? AND e.id <= ? ORDER BY e.id LIMIT ?)");
    rebind(query, after, up_to, limit);
    std::vector<DistrictEvent> events;
    while (query.executeStep()) {
        const auto reader = query.getColumn(5);
        const auto copy = query.getColumn(7);
        events.push_back({.sequence = query.getColumn(0).getInt64(),
                          .at = query.getColumn(1).getString(),
                          .station = query.getColumn(2).getString(),
                          .actor_role = query.getColumn(3).getString(),
                          .action = query.getColumn(4).getString(),
                          .reader = reader.isNull() ? std::string() : reader_pseudonym(key, reader.getInt64()),
                          .isbn = query.getColumn(6).getString(),
                          .copy_id = copy.isNull() ? std::nullopt : std::optional(copy.getInt64()),
                          .quantity = optional_int(query.getColumn(8))});
    }
    return events;
}

std::int64_t last_event_sequence(SQLite::Database& db) {
    SQLite::Statement query(db, "SELECT coalesce(max(id), 0) FROM event");
    query.executeStep();
    return query.getColumn(0).getInt64();
}

std::optional<std::string> district_event_hash(SQLite::Database& db, std::int64_t sequence) {
    SQLite::Statement query(db, "SELECT hash FROM event WHERE id = ?");
    rebind(query, sequence);
    if (!query.executeStep()) return std::nullopt;
    const auto hash = query.getColumn(0);
    return hex_text({static_cast<const unsigned char*>(hash.getBlob()), static_cast<std::size_t>(hash.getBytes())});
}

DistrictSnapshot district_snapshot(SQLite::Database& db, Date today, std::int64_t sent_up_to) {
    DistrictSnapshot snapshot;
    snapshot.school_year = current_school_year(db, today);
    snapshot.need_for_year = next_school_year(snapshot.school_year);
    snapshot.titles = titles_by_isbn(db);
    snapshot.curriculum = curriculum_by_isbn(db);
    snapshot.class_sizes = class_sizes(db, snapshot.school_year);
    snapshot.provision = provision_by_grade(db, today);
    snapshot.need = next_year_need(db, snapshot.need_for_year, today);
    // The current year always goes: its figures are still growing. ("2024-2025" names
    // compare as their years do; an event dated after today leaves the current year first.)
    const auto first_year =
        std::min(first_year_changed(db, sent_up_to).value_or(snapshot.school_year), snapshot.school_year);
    snapshot.annual = annual_years(db, first_year, snapshot.school_year);
    return snapshot;
}

}  // namespace kitap::core
