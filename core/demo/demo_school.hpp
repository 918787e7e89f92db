#pragma once

#include "core/calendar.hpp"
#include "core/db/sqlite_fwd.hpp"

#include <cstdint>

namespace kitap::core {

struct DemoOptions {
    std::uint32_t seed = 1;
    int years_of_history = 1;  // 1 for `kitap demo`; 10 for the benchmark (~300,000 loans); 0 for none
    Timestamp now;             // the demo's "today"; history ends here
};

struct DemoSummary {
    int classes = 0;
    int readers = 0;
    int titles = 0;
    int copies = 0;
    int loans = 0;
    int open_loans = 0;
    int overdue_loans = 0;  // open and due before the local day of `now`
    int visits = 0;
    long long title_stock = 0;
};

// No readers, titles or copies yet: a library a demo school may be put into.
bool library_is_empty(SQLite::Database& db);

// Fills an empty library (see library_is_empty; throws std::logic_error otherwise) with a
// school the size of shared DOMAIN.md's: this school year's classes, ≈1,390 readers,
// a textbook fund of ≈46,000 copies counted per title, a main fund of ≈14,000 labelled
// copies, and `years_of_history` school years of loans, returns, visits and the event
// log ending at `now`. The same seed and `now` give the same library (timestamps follow
// the local time zone, as the kiosk's do). All of it is one transaction: on an error
// nothing is written and the SQLite::Exception propagates.
DemoSummary fill_demo_school(SQLite::Database& db, const DemoOptions& options);

}  // namespace kitap::core
