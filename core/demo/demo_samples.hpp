#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <optional>
#include <string>

namespace kitap::core {

// Codes worth trying first in a demo library: each story a new user should be
// able to walk through with no scanner (the CLI prints them; the kiosk shows
// them as buttons).
struct DemoSamples {
    std::optional<std::string> pupil_card;          // an active pupil with nothing overdue
    std::optional<std::string> overdue_pupil_card;  // an active pupil who must bring books back
    std::optional<std::string> teacher_card;
    std::optional<std::string> free_copy;               // a labelled copy on the shelf
    std::optional<std::string> borrowed_copy;           // a copy someone else holds
    std::optional<std::string> textbook_isbn;           // a textbook with free title-level stock
    std::optional<std::string> pupil_without_set_card;  // a pupil whose class set is still to collect
    std::optional<std::string> class_without_set;       // that pupil's class, for issue-set
    std::optional<std::string> missing_textbook_isbn;   // a title of that pupil's set

    friend bool operator==(const DemoSamples&, const DemoSamples&) = default;
};

DemoSamples find_demo_samples(SQLite::Database& db, Date today);

}  // namespace kitap::core
