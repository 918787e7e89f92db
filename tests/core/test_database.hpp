#pragma once

#include "core/db/database.hpp"

#include <filesystem>
#include <random>
#include <string>

namespace kitap::testing {

// A fresh database with every migration applied, in its own temporary folder,
// removed when the test ends.
class TempDatabase {
public:
    TempDatabase()
        : dir_(std::filesystem::temp_directory_path() / ("kitap-test-" + std::to_string(std::random_device{}()))),
          db_(core::open_database(dir_ / "kitap.db")) {}
    ~TempDatabase() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    SQLite::Database& db() { return db_; }
    std::filesystem::path path() const { return dir_ / "kitap.db"; }
    const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path dir_;
    SQLite::Database db_;
};

}  // namespace kitap::testing
