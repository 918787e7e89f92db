#pragma once

#include "core/calendar.hpp"
#include "core/db/prepared_statement.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kitap::core {

using RowId = std::int64_t;

// Who made a change, as a role: never inferred from a card, so a pupil imported
// with the card "librarian" is a reader like any other.
enum class ActorRole {
    none,       // nobody shown: a wrong PIN, a self-service scan before any card
    librarian,  // desk and return stations, the CLI's commands, the kiosk's librarian screen
    import,     // a file the librarian imported
    reader,     // a reader at a self-service station, known by the card that opened the session
    demo,       // `kitap demo`'s made-up history
};
std::string_view to_string(ActorRole role);
std::optional<ActorRole> actor_role_from(std::string_view name);

struct EventActor {
    ActorRole role = ActorRole::none;
    std::string card;  // the reader's card for ActorRole::reader; empty for every other role
};

struct EventRecord {
    Timestamp at;
    std::string station;
    EventActor actor;
    std::string action;
    std::optional<RowId> reader_id;
    std::optional<RowId> title_id;
    std::optional<RowId> copy_id;
    std::optional<int> quantity;
    std::string detail;
};

// Which web account the rows appended on `db` from now on are made for
// (Library::act_as); nullopt for none. Kept per connection, not per EventLog:
// every writer on a library's connection makes its own EventLog, and each of
// their rows must name the account.
void set_acting_account(SQLite::Database& db, std::optional<std::string> account);
std::optional<std::string> acting_account(SQLite::Database& db);

// Appends to the event log, the one way rows get into it: each row carries the
// hash that chains it to the row before (core/audit/event_chain.hpp), read and
// written in the same write transaction, so no other connection can append in
// between. A row carries the connection's acting account, if any. Statements are prepared once; a bulk writer (the
// demo) appends hundreds of thousands of rows through it.
class EventLog {
public:
    explicit EventLog(SQLite::Database& db);

    // In the caller's transaction, which must be IMMEDIATE (every action's is);
    // outside one, the append commits by itself in its own.
    void append(const EventRecord& event);

private:
    void append_in_transaction(const EventRecord& event);

    SQLite::Database& db_;
    PreparedStatement last_;
    PreparedStatement insert_;
    std::array<std::string, 12> text_buffers_;  // a chained column's text, kept from one append to the next
};

}  // namespace kitap::core
