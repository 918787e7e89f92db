#include "core/audit/audit_log.hpp"

#include "core/audit/librarian_action.hpp"
#include "core/audit/login_attempts.hpp"
#include "core/circulation/self_service_alerts.hpp"
#include "core/db/statement.hpp"
#include "core/remote/scan_exceptions.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace kitap::core {
namespace {

using namespace std::chrono;

// The range scan follows event_by_time (at, then rowid), so the rows come in
// order and only the events since `?1` are read.
std::string audit_sql() {
    std::string librarian_actions;
    for (auto kind : all_librarian_action_kinds)
        librarian_actions += (librarian_actions.empty() ? "'" : ", '") + std::string(to_string(kind)) + "'";
    for (auto action : all_self_service_alerts) librarian_actions += ", '" + std::string(action) + "'";
    for (auto kind : all_account_event_kinds) librarian_actions += ", '" + std::string(to_string(kind)) + "'";
    for (auto action : all_scan_exception_events) librarian_actions += ", '" + std::string(action) + "'";
    return R"(
        SELECT e.at, e.station, e.actor_role, e.action, coalesce(r.card, ''), coalesce(r.full_name, ''),
               coalesce(cp.barcode, t.isbn, ''), coalesce(t.title, ''), e.quantity, e.detail, e.actor_account
        FROM event e
        LEFT JOIN reader r ON r.id = e.reader_id
        LEFT JOIN copy cp ON cp.id = e.copy_id
        LEFT JOIN title t ON t.id = coalesce(e.title_id, cp.title_id)
        WHERE e.at >= ?1 AND (e.actor_role IN ('librarian', 'import') OR e.action IN ()" +
           librarian_actions + R"())
        ORDER BY e.at, e.id)";
}

// The role as the audit has always named it: nobody shown (a wrong PIN) is empty.
std::string actor_word(const std::string& role) {
    return actor_role_from(role) == ActorRole::none ? std::string() : role;
}

// Every writer stamps events with iso_timestamp, so `at` always parses.
AuditEntry read_entry(SQLite::Statement& row) {
    const std::string action = row.getColumn(3).getString();
    const std::string detail = row.getColumn(9).getString();
    return AuditEntry{.at = parse_iso_timestamp(row.getColumn(0).getString()).value_or(Timestamp{}),
                      .station = row.getColumn(1).getString(),
                      .actor = actor_word(row.getColumn(2).getString()),
                      .account = optional_text(row.getColumn(10)),
                      .action = action,
                      .override_kind = override_in(action, detail),
                      .reader_card = row.getColumn(4).getString(),
                      .reader_name = row.getColumn(5).getString(),
                      .item_code = row.getColumn(6).getString(),
                      .title = row.getColumn(7).getString(),
                      .quantity = optional_int(row.getColumn(8)),
                      .detail = detail};
}

// "+05:00" or "-03:30": the offset of local time from UTC.
std::optional<seconds> parse_utc_offset(std::string_view text) {
    const auto digit = [&text](std::size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1; };
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
    const int h1 = digit(1), h2 = digit(2), m1 = digit(4), m2 = digit(5);
    if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0 || h1 * 10 + h2 > 14 || m1 > 5) return std::nullopt;
    const seconds offset = hours{h1 * 10 + h2} + minutes{m1 * 10 + m2};
    return text[0] == '-' ? -offset : offset;
}

}  // namespace

void for_each_audit_entry(SQLite::Database& db, Timestamp since, const std::function<void(const AuditEntry&)>& visit) {
    SQLite::Statement query(db, audit_sql());
    rebind(query, iso_timestamp(since));
    while (query.executeStep()) visit(read_entry(query));
}

Timestamp default_audit_since(Timestamp now) { return local_day_start(add_days(local_date(now), -default_audit_days)); }

std::optional<Timestamp> parse_audit_since(std::string_view text) {
    if (auto day = parse_iso_date(text)) return local_day_start(*day);
    if (auto utc = parse_iso_timestamp(text)) return utc;
    constexpr std::size_t clock_end = 19;  // "2026-11-25T14:00:00"
    if (text.size() <= clock_end) return std::nullopt;
    const auto offset = parse_utc_offset(text.substr(clock_end));
    const auto clock = parse_iso_timestamp(std::string(text.substr(0, clock_end)) + "Z");
    if (!offset || !clock) return std::nullopt;
    return *clock - *offset;
}

}  // namespace kitap::core
