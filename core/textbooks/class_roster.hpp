#pragma once

#include "core/calendar.hpp"
#include "core/circulation/library_store.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/rules.hpp"
#include "core/text/class_name.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// A class of the school year `today` falls in, as issuance and its screens see it.
struct ClassRow {
    RowId id = 0;
    ClassName name;
    ClassLanguage language = ClassLanguage::kk;
    std::string school_year;
};

// "5Ә" (any spelling parse_class_name reads) in the current school year; nullopt
// for a name that is not a class or a class this year does not have.
std::optional<ClassRow> find_current_class(SQLite::Database& db, std::string_view class_name, Date today);

struct Pupil {
    RowId id = 0;
    std::string card;
    std::string name;
};

// The class's pupils who are still at school, by name.
std::vector<Pupil> active_pupils(SQLite::Database& db, RowId class_id);

}  // namespace kitap::core
