#pragma once

// Inside core only (it brings SQLiteCpp): what OfflineJournal holds behind its pointer.
#include "core/db/backup.hpp"
#include "core/offline/cache_rows.hpp"
#include "core/offline/journal_rows.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <string>

namespace kitap::core {

// A kiosk's own SQLite file, never the school's database: its offline journal and its
// cache of the server's readers and copies, side by side so that a scan's entry and
// its change to the cache commit together. One process at a time: the file's lock
// (KioskLock on <file>.kiosk-lock) is held as long as this lives.
struct KioskFile {
    // Throws DatabaseError when another process holds the file, when the file is not a
    // kiosk's (the school's database, say), is newer than this code, or was made for
    // another station.
    KioskFile(const std::filesystem::path& path, const std::string& station);

    KioskLock lock;
    SQLite::Database db;
    JournalRows journal;
    CacheRows cache;
};

}  // namespace kitap::core
