#pragma once

#include "core/db/prepared_statement.hpp"
#include "core/offline/offline_snapshot.hpp"

#include <optional>
#include <string>

namespace kitap::core {

// The cached snapshot's rows in a kiosk's file (see KioskFile), statements prepared
// once. Callers own the transactions.
class CacheRows {
public:
    explicit CacheRows(SQLite::Database& db);

    void replace(const OfflineSnapshot& snapshot);
    std::optional<Timestamp> made_at();
    std::optional<OfflineReader> reader(const std::string& card);
    std::optional<OfflineCopy> copy(const std::string& barcode);

    // What the kiosk did offline, so that it is not done twice before the next snapshot:
    // the copy is `card`'s loan, due `due`; or it is back on the shelf.
    void lent(const OfflineCopy& copy, const std::string& card, Date due);
    void returned(const OfflineCopy& copy);

private:
    SQLite::Database& db_;
    PreparedStatement insert_reader_;
    PreparedStatement insert_held_;
    PreparedStatement insert_copy_;
    PreparedStatement set_made_at_;
    PreparedStatement made_at_;
    PreparedStatement reader_;
    PreparedStatement held_;
    PreparedStatement copy_;
    PreparedStatement set_holder_;
    PreparedStatement remove_held_;
};

}  // namespace kitap::core
