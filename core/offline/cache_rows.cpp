#include "core/offline/cache_rows.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {
namespace {

constexpr const char* made_at_key = "snapshot_made_at";

void insert_held(SQLite::Statement& statement, const std::string& card, const HeldItem& item) {
    rebind(statement, card, item.code, item.title, std::string(to_string(item.kind)), item.quantity, iso_date(item.due),
           item.loan_id, item.renewals)
        .exec();
}

}  // namespace

CacheRows::CacheRows(SQLite::Database& db)
    : db_(db),
      insert_reader_(db, R"(
          INSERT INTO cache_reader (card, name, category, class_name, left_school, pin_needed, loan_limit)
          VALUES (?, ?, ?, ?, ?, ?, ?))"),
      insert_held_(db, R"(
          INSERT INTO cache_held (card, code, title, kind, quantity, due, loan_id, renewals)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?))"),
      insert_copy_(db, "INSERT INTO cache_copy (barcode, title, kind, status, holder_card) VALUES (?, ?, ?, ?, ?)"),
      set_made_at_(db, "INSERT OR REPLACE INTO kiosk_meta (key, value) VALUES (?, ?)"),
      made_at_(db, "SELECT value FROM kiosk_meta WHERE key = ?"),
      reader_(db, R"(
          SELECT card, name, category, class_name, left_school, pin_needed, loan_limit FROM cache_reader
          WHERE card = ?)"),
      held_(db, R"(
          SELECT code, title, kind, quantity, due, loan_id, renewals FROM cache_held WHERE card = ?
          ORDER BY due, title, rowid)"),
      copy_(db, "SELECT barcode, title, kind, status, holder_card FROM cache_copy WHERE barcode = ?"),
      set_holder_(db, "UPDATE cache_copy SET holder_card = ? WHERE barcode = ?"),
      remove_held_(db, R"(
          DELETE FROM cache_held WHERE rowid = (SELECT rowid FROM cache_held WHERE card = ? AND code = ? LIMIT 1))") {}

void CacheRows::replace(const OfflineSnapshot& snapshot) {
    db_.exec("DELETE FROM cache_held; DELETE FROM cache_reader; DELETE FROM cache_copy");
    for (const auto& reader : snapshot.readers) {
        rebind(insert_reader_, reader.card, reader.name, std::string(to_string(reader.category)), reader.class_name,
               reader.left ? 1 : 0, reader.pin_needed ? 1 : 0, reader.limit)
            .exec();
        for (const auto& item : reader.held) insert_held(insert_held_, reader.card, item);
    }
    for (const auto& copy : snapshot.copies)
        rebind(insert_copy_, copy.barcode, copy.title, std::string(to_string(copy.kind)),
               std::string(to_string(copy.status)), copy.holder_card)
            .exec();
    rebind(set_made_at_, std::string(made_at_key), iso_timestamp(snapshot.made_at)).exec();
}

std::optional<Timestamp> CacheRows::made_at() {
    auto& query = rebind(made_at_, std::string(made_at_key));
    if (!query.executeStep()) return std::nullopt;
    return parse_iso_timestamp(query.getColumn(0).getString());
}

std::optional<OfflineReader> CacheRows::reader(const std::string& card) {
    auto& query = rebind(reader_, card);
    if (!query.executeStep()) return std::nullopt;
    const auto category = reader_category_from(query.getColumn(2).getString()).value_or(ReaderCategory::other);
    OfflineReader reader{.card = query.getColumn(0).getString(),
                         .name = query.getColumn(1).getString(),
                         .category = category,
                         .class_name = query.getColumn(3).getString(),
                         .left = query.getColumn(4).getInt() != 0,
                         .pin_needed = query.getColumn(5).getInt() != 0,
                         .limit = query.getColumn(6).getInt()};
    query.reset();
    auto& held = rebind(held_, card);
    while (held.executeStep()) reader.held.push_back(read_held_item(held, 0));
    return reader;
}

std::optional<OfflineCopy> CacheRows::copy(const std::string& barcode) {
    auto& query = rebind(copy_, barcode);
    if (!query.executeStep()) return std::nullopt;
    return OfflineCopy{.barcode = query.getColumn(0).getString(),
                       .title = query.getColumn(1).getString(),
                       .kind = title_kind_from(query.getColumn(2).getString()).value_or(TitleKind::fiction),
                       .status = copy_status_from(query.getColumn(3).getString()).value_or(CopyStatus::in_fund),
                       .holder_card = optional_text(query.getColumn(4))};
}

// A loan made offline has no id on the server yet: 0, as no loan row has.
void CacheRows::lent(const OfflineCopy& copy, const std::string& card, Date due) {
    rebind(set_holder_, card, copy.barcode).exec();
    insert_held(insert_held_, card,
                {.code = copy.barcode, .title = copy.title, .kind = copy.kind, .quantity = 1, .due = due});
}

void CacheRows::returned(const OfflineCopy& copy) {
    if (copy.holder_card) rebind(remove_held_, *copy.holder_card, copy.barcode).exec();
    rebind(set_holder_, std::optional<std::string>{}, copy.barcode).exec();
}

}  // namespace kitap::core
