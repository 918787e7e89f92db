#pragma once

#include "core/db/sqlite_fwd.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// One line of a write-off act as the commission signs it.
struct WriteoffActLine {
    std::string code;  // the copy's inventory number, else the title's ISBN
    std::string title;
    int quantity = 0;
    std::int64_t price_tiyn = 0;  // per copy, as the act recorded it
};

// A write-off act with its lines, for the printed act.
struct WriteoffActSheet {
    std::string number;
    std::string date;    // ISO
    std::string reason;  // worn, curriculum, lost, damaged
    std::vector<WriteoffActLine> lines;
};

// nullopt when no act has that number.
std::optional<WriteoffActSheet> writeoff_act_sheet(SQLite::Database& db, const std::string& number);

}  // namespace kitap::core
