#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"
#include "core/textbooks/textbook_ledger.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kitap::core {

// How much of the class set one pupil holds: the librarian's list while a class
// stands at the desk.
struct PupilSetProgress {
    std::string card;
    std::string name;
    int needed = 0;  // copies the class set gives a pupil
    int held = 0;    // of those, how many the pupil holds (extra copies do not count)
    std::vector<SetLine> missing;

    bool complete() const { return held >= needed; }

    friend bool operator==(const PupilSetProgress&, const PupilSetProgress&) = default;
};

struct ClassSetProgress {
    std::string class_name;
    std::vector<PupilSetProgress> pupils;  // by name
    int needed = 0;
    int held = 0;
    int complete_sets = 0;

    friend bool operator==(const ClassSetProgress&, const ClassSetProgress&) = default;
};

// The class's pupils and their sets; nullopt for a class this school year does not have.
std::optional<ClassSetProgress> class_set_progress(SQLite::Database& db, std::string_view class_name, Date today);

// One class of this school year at a glance: how much of its textbooks it holds.
struct ClassProvision {
    std::string class_name;
    int grade = 0;
    int pupils = 0;
    int needed = 0;
    int held = 0;
    bool has_curriculum = false;

    int percent() const { return needed > 0 ? held * 100 / needed : 0; }

    friend bool operator==(const ClassProvision&, const ClassProvision&) = default;
};

// Every class of the current school year, by grade and letter.
std::vector<ClassProvision> class_provision(SQLite::Database& db, Date today);

}  // namespace kitap::core
