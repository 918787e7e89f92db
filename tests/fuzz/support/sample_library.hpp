#pragma once

#include <SQLiteCpp/Database.h>

namespace kitap::fuzz {

// A small school library, made once per fuzz process through the real imports
// (a roster, a catalogue with labelled copies, a curriculum), so that fuzzed
// imports and codes meet stored readers, titles and copies. The seed corpora
// use its cards (20000014...), ISBNs and inventory numbers.
class SampleLibrary {
public:
    SampleLibrary();

    // The library as made, read-only: lookups may run on it directly.
    SQLite::Database& db() { return db_; }
    // A fresh in-memory database (opened and migrated as the kiosk opens its own)
    // holding the same library, for a test that writes.
    SQLite::Database copy();

private:
    SQLite::Database db_;
};

// The one per process (imports are slow to repeat for every input).
SampleLibrary& sample_library();

}  // namespace kitap::fuzz
