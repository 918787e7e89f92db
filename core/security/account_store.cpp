#include "core/security/account_store.hpp"

#include "core/db/statement.hpp"
#include "core/text/class_name.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>

namespace kitap::core {

// ?1 and ?2 NULL read every account.
AccountStore::AccountStore(SQLite::Database& db)
    : db_(db),
      accounts_(db, R"(
          SELECT id, name, role, credentials_version, password_hash, sip2_checksums, sip2_language FROM account
          WHERE (?1 IS NULL OR name = ?1) AND (?2 IS NULL OR token_hash = ?2) ORDER BY name)"),
      classes_(db, R"(
          SELECT ac.account_id, c.grade, c.letter FROM account_class ac
          JOIN school_class c ON c.id = ac.class_id
          JOIN account a ON a.id = ac.account_id
          WHERE (?1 IS NULL OR a.name = ?1) AND (?2 IS NULL OR a.token_hash = ?2))") {}

std::vector<StoredAccount> AccountStore::read(std::optional<std::string_view> name,
                                              std::optional<std::string_view> token_hash) {
    const auto given = [](std::optional<std::string_view> text) {
        return text ? std::optional<std::string>(*text) : std::nullopt;
    };
    auto& accounts = rebind(accounts_, given(name), given(token_hash));
    std::vector<StoredAccount> found;
    std::map<RowId, std::size_t> index_of_id;
    while (accounts.executeStep()) {
        index_of_id[accounts.getColumn(0).getInt64()] = found.size();
        const auto password_hash = accounts.getColumn(4);
        found.push_back(
            {.account = {.name = accounts.getColumn(1).getString(),
                         // The table's CHECK admits only the five roles.
                         .role = account_role_from(accounts.getColumn(2).getString()).value_or(AccountRole::director),
                         .credentials_version = accounts.getColumn(3).getInt64(),
                         .terminal = {.checksums = accounts.getColumn(5).getInt() != 0,
                                      .language = accounts.getColumn(6).getString()}},
             .password_hash =
                 password_hash.isNull() ? std::nullopt : std::optional<std::string>(password_hash.getString())});
    }
    auto& classes = rebind(classes_, given(name), given(token_hash));
    std::map<RowId, std::vector<ClassName>> class_names;
    while (classes.executeStep())
        class_names[classes.getColumn(0).getInt64()].push_back(
            {classes.getColumn(1).getInt(), classes.getColumn(2).getString()});
    for (auto& [id, names] : class_names) {
        std::ranges::sort(names, in_school_order);
        auto& account = found[index_of_id.at(id)].account;
        for (const auto& class_name : names) account.classes.push_back(class_name.text());
    }
    return found;
}

std::vector<Account> AccountStore::all() {
    std::vector<Account> accounts;
    for (auto& stored : read(std::nullopt)) accounts.push_back(std::move(stored.account));
    return accounts;
}

std::optional<StoredAccount> AccountStore::find(std::string_view name) {
    auto found = read(name);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::optional<Account> AccountStore::find_by_token_hash(const std::string& token_hash) {
    auto found = read(std::nullopt, token_hash);
    if (found.empty()) return std::nullopt;
    return std::move(found.front().account);
}

void AccountStore::insert(const Account& account, const std::string& password_hash, std::span<const RowId> class_ids,
                          Timestamp at) {
    SQLite::Statement insert(db_, R"(
        INSERT INTO account (name, role, password_hash, credentials_version, created_at, sip2_checksums, sip2_language)
        VALUES (?, ?, ?, ?, ?, ?, ?))");
    rebind(insert, account.name, std::string(to_string(account.role)), password_hash, account.credentials_version,
           iso_timestamp(at), account.terminal.checksums ? 1 : 0, account.terminal.language)
        .exec();
    const RowId account_id = db_.getLastInsertRowid();
    SQLite::Statement lead(db_, "INSERT OR IGNORE INTO account_class (account_id, class_id) VALUES (?, ?)");
    for (const RowId class_id : class_ids) rebind(lead, account_id, class_id).exec();
}

bool AccountStore::set_password(std::string_view name, const std::string& password_hash) {
    SQLite::Statement update(db_, R"(
        UPDATE account SET password_hash = ?1, credentials_version = credentials_version + 1 WHERE name = ?2)");
    return rebind(update, password_hash, std::string(name)).exec() > 0;
}

void AccountStore::insert_station(const std::string& name, const std::string& token_hash, Timestamp at) {
    SQLite::Statement insert(db_, R"(
        INSERT INTO account (name, role, token_hash, created_at) VALUES (?, 'station', ?, ?))");
    rebind(insert, name, token_hash, iso_timestamp(at)).exec();
}

bool AccountStore::set_token_hash(std::string_view name, const std::string& token_hash) {
    SQLite::Statement update(db_, R"(
        UPDATE account SET token_hash = ?1, credentials_version = credentials_version + 1
        WHERE name = ?2 AND role = 'station')");
    return rebind(update, token_hash, std::string(name)).exec() > 0;
}

bool AccountStore::set_terminal(std::string_view name, const TerminalSettings& terminal) {
    SQLite::Statement update(db_, R"(
        UPDATE account SET sip2_checksums = ?1, sip2_language = ?2 WHERE name = ?3 AND role = 'sip2')");
    return rebind(update, terminal.checksums ? 1 : 0, terminal.language, std::string(name)).exec() > 0;
}

bool AccountStore::remove(std::string_view name) {
    SQLite::Statement remove(db_, "DELETE FROM account WHERE name = ?");
    return rebind(remove, std::string(name)).exec() > 0;
}

}  // namespace kitap::core
