#pragma once

#include "core/audit/event_log.hpp"
#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/security/account.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// An account with what only core sees: its password's hash.
struct StoredAccount {
    Account account;
    std::string password_hash;
};

// The account and account_class tables; callers own the transactions.
class AccountStore {
public:
    explicit AccountStore(SQLite::Database& db) : db_(db) {}

    // By name, each with its classes in school order.
    std::vector<Account> all();
    std::optional<StoredAccount> find(std::string_view name);
    // `account`'s credentials_version is stored as given; `class_ids` are school_class rows.
    void insert(const Account& account, const std::string& password_hash, std::span<const RowId> class_ids,
                Timestamp at);
    // A new hash and the next credentials_version; false when no account has the name.
    bool set_password(std::string_view name, const std::string& password_hash);
    // False when no account has the name.
    bool remove(std::string_view name);

private:
    std::vector<StoredAccount> read(std::optional<std::string_view> name);

    SQLite::Database& db_;
};

}  // namespace kitap::core
