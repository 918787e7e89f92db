#pragma once

#include "core/audit/overrides.hpp"
#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

// One librarian action from the event log, with the reader and the item it names.
struct AuditEntry {
    Timestamp at;
    std::string station;
    std::string actor;                   // the role: "librarian", "import"; empty for a wrong PIN (nobody shown)
    std::optional<std::string> account;  // the web account it was done as (Library::act_as); none at the PC
    std::string action;                  // the event's action: "loan", "settle", "pin_wrong"...
    std::optional<OverrideKind> override_kind;
    std::string reader_card;  // empty when the event names no reader
    std::string reader_name;
    std::string item_code;  // inventory number, else ISBN; empty when the event names no item
    std::string title;
    std::optional<int> quantity;
    std::string detail;
};

// The librarian's actions are the events whose actor's role is the librarian (desk
// and return stations, the CLI's commands, the kiosk's librarian screen) or an
// import, and the librarian actions recorded without an actor (a wrong PIN), with
// self-service's alerts (core/circulation/self_service_alerts.hpp), and the web
// console's account changes and logins (core/audit/login_attempts.hpp), and the
// offline scans the rules refused on replay and how each was settled
// (core/remote/scan_exceptions.hpp).
// A pupil's self-service (whatever their card says) and the demo's generated
// history are not among them.
// Calls `visit` for each from `since` on, oldest first, without holding them
// all in memory: ten years of class issuances are hundreds of thousands.
void for_each_audit_entry(SQLite::Database& db, Timestamp since, const std::function<void(const AuditEntry&)>& visit);

// How far back the audit looks by default: today and the 30 days before it.
inline constexpr int default_audit_days = 30;
Timestamp default_audit_since(Timestamp now);

// `--since`: a day, YYYY-MM-DD, from its local midnight; or an instant, as the
// audit prints it: 2026-11-25T09:00:00Z, or with an offset, 2026-11-25T14:00:00+05:00.
std::optional<Timestamp> parse_audit_since(std::string_view text);

}  // namespace kitap::core
