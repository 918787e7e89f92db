#pragma once

#include "core/db/sqlite_fwd.hpp"
#include "core/text/class_name.hpp"

#include <string>
#include <vector>

namespace kitap::core {

// What a copy's inventory label shows.
struct CopyLabelRecord {
    std::string code;   // the inventory number, as stored
    std::string title;  // empty for a number not yet given to a copy
};

struct CopyLabelLookup {
    std::vector<CopyLabelRecord> found;  // in the order asked for
    std::vector<std::string> unknown;    // codes no copy has
};

CopyLabelLookup copy_labels_by_code(SQLite::Database& db, const std::vector<std::string>& codes);

// Copies in the fund whose numbers, of the length of `from`, lie between `from`
// and `to` (either order), by number.
std::vector<CopyLabelRecord> copy_labels_in_range(SQLite::Database& db, const std::string& from, const std::string& to);

// What a reader's card shows.
struct ReaderCardRecord {
    std::string card;
    std::string name;
    std::string category;    // pupil, teacher, staff, other
    std::string class_name;  // "5Ә"; empty for readers without a class
};

struct ReaderCardLookup {
    std::vector<ReaderCardRecord> found;
    std::vector<std::string> unknown;
};

// Active pupils of a class of the given school year, by name.
std::vector<ReaderCardRecord> reader_cards_of_class(SQLite::Database& db, const ClassName& name,
                                                    const std::string& school_year);
ReaderCardLookup reader_cards_by_card(SQLite::Database& db, const std::vector<std::string>& cards);
// Every active reader: pupils class by class, then teachers, staff and others.
std::vector<ReaderCardRecord> all_reader_cards(SQLite::Database& db);

}  // namespace kitap::core
