#include "core/settings/setting_store.hpp"

#include "core/db/statement.hpp"

#include <SQLiteCpp/Database.h>

namespace kitap::core {

SettingStore::SettingStore(SQLite::Database& db) : db_(db) {}

std::optional<std::string> SettingStore::get(const std::string& key) {
    SQLite::Statement query(db_, "SELECT value FROM setting WHERE key = ?");
    rebind(query, key);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getString();
}

void SettingStore::set(const std::string& key, const std::string& value) {
    SQLite::Statement upsert(db_,
                             "INSERT INTO setting (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    rebind(upsert, key, value).exec();
}

}  // namespace kitap::core
