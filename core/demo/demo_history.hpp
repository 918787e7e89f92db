#pragma once

#include "core/demo/demo_model.hpp"
#include "core/demo/demo_random.hpp"

namespace kitap::core::demo {

// Simulates `years` school years of circulation ending at `now`, for the current
// roster: each September every pupil is issued the textbooks of their grade, class
// language and stream, returned at the end of May or in June; through the year
// readers borrow main-fund copies, mostly bring them back on time, and borrow again
// when they return. A year comes to about DOMAIN.md's 30,111 loans and 12,103 visits.
// The activity of `now`'s own day is left out: the history ends the evening before.
DemoHistory simulate_history(const DemoSchool& school, Timestamp now, int years, DemoRandom& random);

}  // namespace kitap::core::demo
