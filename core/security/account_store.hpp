#pragma once

#include "core/audit/event_log.hpp"
#include "core/calendar.hpp"
#include "core/db/prepared_statement.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/security/account.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {

// An account with what only core sees: its password's hash (none for a station,
// which has a token's instead).
struct StoredAccount {
    Account account;
    std::optional<std::string> password_hash;
};

// The account and account_class tables; callers own the transactions. Every request
// of the web console reads its account again (a changed password or role counts at
// once), so the reads are prepared once, with the connection's Library.
class AccountStore {
public:
    explicit AccountStore(SQLite::Database& db);

    // By name, each with its classes in school order.
    std::vector<Account> all();
    std::optional<StoredAccount> find(std::string_view name);
    // The station account whose token has this hash (token_hash()).
    std::optional<Account> find_by_token_hash(const std::string& token_hash);
    // `account`'s credentials_version is stored as given; `class_ids` are school_class rows.
    void insert(const Account& account, const std::string& password_hash, std::span<const RowId> class_ids,
                Timestamp at);
    // A station account, with its token's hash in place of a password's.
    void insert_station(const std::string& name, const std::string& token_hash, Timestamp at);
    // A new hash and the next credentials_version; false when no account has the name.
    bool set_password(std::string_view name, const std::string& password_hash);
    // A station's new token hash and the next credentials_version; false when no station account has the name.
    bool set_token_hash(std::string_view name, const std::string& token_hash);
    // False when no sip2 account has the name.
    bool set_terminal(std::string_view name, const TerminalSettings& terminal);
    // False when no account has the name.
    bool remove(std::string_view name);

private:
    // By name (nullopt: every account) or by token hash.
    std::vector<StoredAccount> read(std::optional<std::string_view> name,
                                    std::optional<std::string_view> token_hash = std::nullopt);

    SQLite::Database& db_;
    PreparedStatement accounts_;
    PreparedStatement classes_;
};

}  // namespace kitap::core
