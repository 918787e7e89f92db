#pragma once

// Inside core only: what a Library holds behind its pointer. Front ends never
// include this header (it brings SQLiteCpp).
#include "core/audit/event_log.hpp"
#include "core/circulation/library_store.hpp"
#include "core/fund/action_stamp.hpp"
#include "core/rules.hpp"
#include "core/security/account_store.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <optional>

namespace kitap::core {

struct LibraryCore {
    LibraryCore(std::filesystem::path path, Rules rules, SQLite::Database connection)
        : path(std::move(path)), rules(std::move(rules)), db(std::move(connection)), store(db), accounts(db) {}
    // The connection's acting account (Library::act_as) goes with it.
    ~LibraryCore() { set_acting_account(db, std::nullopt); }
    LibraryCore(const LibraryCore&) = delete;
    LibraryCore& operator=(const LibraryCore&) = delete;

    std::filesystem::path path;
    Rules rules;
    SQLite::Database db;
    LibraryStore store;
    AccountStore accounts;
};

}  // namespace kitap::core
