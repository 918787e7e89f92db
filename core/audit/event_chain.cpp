#include "core/audit/event_chain.hpp"

#include "core/security/sodium.hpp"
#include "core/text/enum_names.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sodium.h>
#include <sqlite3.h>

#include <bit>
#include <cstring>
#include <vector>

namespace kitap::core {
namespace {

constexpr std::string_view chain_domain = "kitap.event.v1";
constexpr int chained_column_count = 11;

// Type tags of the encoding; a new column type would need a new tag, never a reused one.
enum class Tag : unsigned char { null = 0, integer = 1, real = 2, text = 3, blob = 4 };

class Hasher {
public:
    Hasher() {
        start_sodium();
        crypto_generichash_init(&state_, nullptr, 0, std::tuple_size_v<EventHash>);
        add_bytes(Tag::text, chain_domain);
    }

    void add_bytes(Tag tag, std::string_view bytes) {
        add_tag(tag);
        add_number(bytes.size());
        crypto_generichash_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    }

    void add(const EventField& field) {
        if (std::holds_alternative<std::monostate>(field)) {
            add_tag(Tag::null);
        } else if (const auto* integer = std::get_if<std::int64_t>(&field)) {
            add_tag(Tag::integer);
            add_number(static_cast<std::uint64_t>(*integer));
        } else if (const auto* real = std::get_if<double>(&field)) {
            add_tag(Tag::real);
            add_number(std::bit_cast<std::uint64_t>(*real));
        } else if (const auto* text = std::get_if<std::string_view>(&field)) {
            add_bytes(Tag::text, *text);
        } else {
            add_bytes(Tag::blob, std::get<BlobField>(field).bytes);
        }
    }

    EventHash final() {
        EventHash hash;
        crypto_generichash_final(&state_, hash.data(), hash.size());
        return hash;
    }

private:
    void add_tag(Tag tag) {
        const auto byte = static_cast<unsigned char>(tag);
        crypto_generichash_update(&state_, &byte, 1);
    }

    // Eight bytes, big-endian, whatever the machine's order.
    void add_number(std::uint64_t value) {
        unsigned char bytes[8];
        for (int i = 7; i >= 0; --i, value >>= 8) bytes[i] = static_cast<unsigned char>(value & 0xFF);
        crypto_generichash_update(&state_, bytes, sizeof bytes);
    }

    crypto_generichash_state state_;
};

std::string_view as_chars(std::span<const unsigned char> bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

EventField field_of(const SQLite::Column& column) {
    switch (column.getType()) {
        case SQLITE_INTEGER:
            return column.getInt64();
        case SQLITE_FLOAT:
            return column.getDouble();
        case SQLITE_TEXT:
            return std::string_view(column.getText(), static_cast<std::size_t>(column.getBytes()));
        case SQLITE_BLOB:
            return BlobField{{static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes())}};
        default:
            return std::monostate{};
    }
}

EventField field_of(sqlite3_value* value) {
    switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER:
            return static_cast<std::int64_t>(sqlite3_value_int64(value));
        case SQLITE_FLOAT:
            return sqlite3_value_double(value);
        case SQLITE_TEXT:
            return std::string_view(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                                    static_cast<std::size_t>(sqlite3_value_bytes(value)));
        case SQLITE_BLOB:
            return BlobField{{static_cast<const char*>(sqlite3_value_blob(value)),
                              static_cast<std::size_t>(sqlite3_value_bytes(value))}};
        default:
            return std::monostate{};
    }
}

// kitap_event_hash(previous, id, at, ...): `previous` NULL or a blob.
void sql_event_hash(sqlite3_context* context, int count, sqlite3_value** values) {
    std::span<const unsigned char> previous;
    if (sqlite3_value_type(values[0]) == SQLITE_BLOB)
        previous = {static_cast<const unsigned char*>(sqlite3_value_blob(values[0])),
                    static_cast<std::size_t>(sqlite3_value_bytes(values[0]))};
    std::vector<EventField> fields;
    fields.reserve(static_cast<std::size_t>(count - 1));
    for (int i = 1; i < count; ++i) fields.push_back(field_of(values[i]));
    const auto hash = chain_hash(previous, fields);
    sqlite3_result_blob(context, hash.data(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
}

// The previous row's hash as stored; a hash of another length cannot have come
// from chain_hash, and the row holding it is reported as changed.
std::optional<EventHash> stored_hash(const SQLite::Column& column) {
    EventHash hash;
    if (column.getType() != SQLITE_BLOB || static_cast<std::size_t>(column.getBytes()) != hash.size())
        return std::nullopt;
    std::memcpy(hash.data(), column.getBlob(), hash.size());
    return hash;
}

}  // namespace

EventHash chain_hash(std::span<const unsigned char> previous, std::span<const EventField> fields) {
    Hasher hasher;
    hasher.add_bytes(Tag::blob, as_chars(previous));
    for (const auto& field : fields) hasher.add(field);
    return hasher.final();
}

constexpr auto chain_fault_names = enum_names<ChainFault>({
    {ChainFault::changed, "changed"},
    {ChainFault::missing, "missing"},
});

std::string_view to_string(ChainFault fault) { return chain_fault_names.name_of(fault); }

ChainCheck verify_event_chain(SQLite::Database& db) {
    SQLite::Statement rows(db, std::string("SELECT ") + chained_event_columns + ", hash, " +
                                   optionally_chained_event_column + " FROM event ORDER BY id");
    constexpr int hash_column = chained_column_count;
    constexpr int optional_column = chained_column_count + 1;
    ChainCheck check;
    std::optional<EventHash> previous;
    std::vector<EventField> fields;
    fields.reserve(chained_column_count + 1);
    while (rows.executeStep()) {
        const RowId id = rows.getColumn(0).getInt64();
        const auto broken = [&](ChainFault fault) {
            check.broken = ChainBreak{.id = id, .at = rows.getColumn(1).getString(), .fault = fault};
        };
        if (id != check.last_id + 1) {
            broken(ChainFault::missing);
            check.broken->missing_from = check.last_id + 1;
            check.broken->missing_to = id - 1;
            return check;
        }
        fields.clear();
        for (int i = 0; i < chained_column_count; ++i) fields.push_back(field_of(rows.getColumn(i)));
        if (!rows.getColumn(optional_column).isNull()) fields.push_back(field_of(rows.getColumn(optional_column)));
        const auto stored = stored_hash(rows.getColumn(hash_column));
        const auto expected =
            chain_hash(previous ? std::span<const unsigned char>(*previous) : std::span<const unsigned char>(), fields);
        if (!stored || *stored != expected) {
            broken(ChainFault::changed);
            return check;
        }
        ++check.events;
        check.last_id = id;
        previous = stored;
    }
    check.head = previous;
    return check;
}

void add_event_hash_function(SQLite::Database& db) {
    const int result = sqlite3_create_function_v2(db.getHandle(), "kitap_event_hash", 1 + chained_column_count,
                                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                                  sql_event_hash, nullptr, nullptr, nullptr);
    if (result != SQLITE_OK) throw SQLite::Exception(db.getHandle(), result);
}

}  // namespace kitap::core
