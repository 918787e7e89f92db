#pragma once

#include "core/audit/event_log.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <variant>

// The event log's hash chain. Each row's `hash` is BLAKE2b-256 over the hash of
// the row before it (nothing for the first) and the row's own columns, so a row
// changed or deleted behind the append-only triggers' back (with the sqlite3
// shell, or in a crafted backup) no longer fits the rows after it. It shows
// tampering; it cannot prevent a rewrite of the whole chain from the changed row
// on, which is why `kitap audit verify` also prints the hash of the last row to
// compare with one noted (or in a backup) earlier.
namespace kitap::core {

using EventHash = std::array<unsigned char, 32>;

// The columns a row's hash covers, in the order they are hashed.
inline constexpr const char* chained_event_columns =
    "id, at, station, actor_role, actor_card, action, reader_id, title_id, copy_id, quantity, detail";
// Hashed after them only when not NULL (migration 8 added it): the rows written
// before it, and every row no web account made, keep the hash they had.
inline constexpr const char* optionally_chained_event_column = "actor_account";

struct BlobField {
    std::string_view bytes;
};
// One column's value as SQLite stores it: NULL, integer, real, text or blob.
using EventField = std::variant<std::monostate, std::int64_t, double, std::string_view, BlobField>;

// The hash of a row whose chained columns hold `fields` (in chained_event_columns'
// order, then the optional column's value when it has one) after a row whose hash is `previous` (empty for the first
// row). Each field is encoded with its type and, for text and blobs, its length before its bytes: no two different rows
// share an encoding ("ab","c" is not "a","bc").
EventHash chain_hash(std::span<const unsigned char> previous, std::span<const EventField> fields);

// What is wrong with the first row that does not fit.
enum class ChainFault {
    changed,  // its columns or its hash are not what was hashed: it, or the hash of the row before, was changed
    missing,  // rows before it are gone: its id does not follow the previous row's
};
std::string_view to_string(ChainFault fault);

struct ChainBreak {
    RowId id = 0;
    std::string at;  // the row's time as stored
    ChainFault fault = ChainFault::changed;
    RowId missing_from = 0;  // with ChainFault::missing: the ids that are gone
    RowId missing_to = 0;
};

struct ChainCheck {
    std::int64_t events = 0;  // rows that fit: all of them when the chain is whole
    std::optional<ChainBreak> broken;
    RowId last_id = 0;  // the last row's id and hash; 0 and nothing when the log is empty
    std::optional<EventHash> head;

    bool whole() const { return !broken; }
};

// Reads the whole log in id order, stopping at the first row that does not fit.
ChainCheck verify_event_chain(SQLite::Database& db);

// kitap_event_hash(previous, <chained columns>) on this connection: chain_hash in
// SQL, for the migration that chains the rows written before the chain existed.
void add_event_hash_function(SQLite::Database& db);

}  // namespace kitap::core
