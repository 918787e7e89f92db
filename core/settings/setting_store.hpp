#pragma once

#include "core/db/sqlite_fwd.hpp"

#include <optional>
#include <string>

namespace kitap::core {

// Key-value settings kept in the library database; each `set` is its own durable
// transaction unless the caller holds one.
class SettingStore {
public:
    explicit SettingStore(SQLite::Database& db);

    std::optional<std::string> get(const std::string& key);
    void set(const std::string& key, const std::string& value);

private:
    SQLite::Database& db_;
};

}  // namespace kitap::core
