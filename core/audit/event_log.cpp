#include "core/audit/event_log.hpp"

#include "core/audit/event_chain.hpp"
#include "core/db/write_transaction.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>
#include <span>
#include <unordered_map>
#include <utility>

namespace kitap::core {
namespace {

constexpr auto role_names = enum_names<ActorRole>({
    {ActorRole::none, "none"},
    {ActorRole::librarian, "librarian"},
    {ActorRole::import, "import"},
    {ActorRole::reader, "reader"},
    {ActorRole::demo, "demo"},
});

EventField integer_or_null(std::optional<std::int64_t> value) {
    if (!value) return std::monostate{};
    return *value;
}

// What is hashed is what is bound: the same values, of the same types. A text
// goes through `buffer`, kept from one append to the next, so a bulk writer
// allocates nothing per row for it and SQLite reads it in place.
void bind_field(SQLite::Statement& statement, int index, const EventField& field, std::string& buffer) {
    if (const auto* integer = std::get_if<std::int64_t>(&field)) {
        statement.bind(index, *integer);
    } else if (const auto* text = std::get_if<std::string_view>(&field)) {
        buffer.assign(*text);
        statement.bindNoCopy(index, buffer);
    } else {
        statement.bind(index);  // the writer has no reals or blobs among the chained columns
    }
}

std::string insert_sql() {
    return std::string("INSERT INTO event (") + chained_event_columns + ", " + optionally_chained_event_column +
           ", hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}

// Keyed by the connection's handle; a Library clears its entry before its connection closes.
struct ActingAccounts {
    std::mutex mutex;
    std::unordered_map<const sqlite3*, std::string> by_connection;
};

ActingAccounts& acting_accounts() {
    static ActingAccounts accounts;
    return accounts;
}

}  // namespace

void set_acting_account(SQLite::Database& db, std::optional<std::string> account) {
    auto& accounts = acting_accounts();
    const std::lock_guard lock(accounts.mutex);
    if (account)
        accounts.by_connection.insert_or_assign(db.getHandle(), std::move(*account));
    else
        accounts.by_connection.erase(db.getHandle());
}

std::optional<std::string> acting_account(SQLite::Database& db) {
    auto& accounts = acting_accounts();
    const std::lock_guard lock(accounts.mutex);
    const auto found = accounts.by_connection.find(db.getHandle());
    if (found == accounts.by_connection.end()) return std::nullopt;
    return found->second;
}

std::string_view to_string(ActorRole role) { return role_names.name_of(role); }

std::optional<ActorRole> actor_role_from(std::string_view name) { return role_names.value_of(name); }

EventLog::EventLog(SQLite::Database& db)
    : db_(db), last_(db, "SELECT id, hash FROM event ORDER BY id DESC LIMIT 1"), insert_(db, insert_sql()) {}

void EventLog::append(const EventRecord& event) {
    if (sqlite3_get_autocommit(db_.getHandle()) == 0) return append_in_transaction(event);
    WriteTransaction transaction(db_);
    append_in_transaction(event);
    transaction.commit();
}

void EventLog::append_in_transaction(const EventRecord& event) {
    last_->tryReset();
    RowId id = 1;
    EventHash previous{};  // the last row's hash as stored: chain_hash's size, else that row reads as changed
    std::size_t previous_size = 0;
    if (last_->executeStep()) {
        id = last_->getColumn(0).getInt64() + 1;
        const auto hash = last_->getColumn(1);
        previous_size = std::min(previous.size(), static_cast<std::size_t>(hash.getBytes()));
        std::memcpy(previous.data(), hash.getBlob(), previous_size);
    }
    last_->tryReset();

    const std::string at = iso_timestamp(event.at);
    const auto account = acting_account(db_);
    std::array<EventField, 12> fields{
        id,
        std::string_view(at),
        std::string_view(event.station),
        to_string(event.actor.role),
        std::string_view(event.actor.card),
        std::string_view(event.action),
        integer_or_null(event.reader_id),
        integer_or_null(event.title_id),
        integer_or_null(event.copy_id),
        integer_or_null(event.quantity),
        std::string_view(event.detail),
        account ? EventField(std::string_view(*account)) : EventField(std::monostate{}),
    };
    // The account is hashed only when there is one: see optionally_chained_event_column.
    const std::span<const EventField> hashed(fields.data(), account ? fields.size() : fields.size() - 1);
    const auto hash = chain_hash({previous.data(), previous_size}, hashed);
    insert_->tryReset();
    insert_->clearBindings();
    for (std::size_t i = 0; i < fields.size(); ++i)
        bind_field(insert_, static_cast<int>(i) + 1, fields[i], text_buffers_[i]);
    insert_->bind(static_cast<int>(fields.size()) + 1, hash.data(), static_cast<int>(hash.size()));
    insert_->exec();
}

}  // namespace kitap::core
