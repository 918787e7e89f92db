#pragma once

#include "core/db/database.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kitap::testing {

// A fresh database with every migration applied, in its own temporary folder,
// removed when the test ends.
class TempDatabase {
public:
    TempDatabase() : db_(core::open_database(path())) {}
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    SQLite::Database& db() { return db_; }
    std::filesystem::path path() const { return dir_ / "kitap.db"; }
    const std::filesystem::path& dir() const { return dir_.path(); }

private:
    TempDir dir_;
    SQLite::Database db_;
};

// Every row of `tables` (of every table when none are named) as text, a line each,
// in the order SQLite stores them: to prove that a refused action changed nothing, or
// that two databases made alike are alike.
std::string table_rows(SQLite::Database& db, std::vector<std::string> tables = {});

}  // namespace kitap::testing
