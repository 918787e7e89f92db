#pragma once

#include "core/demo/demo_model.hpp"
#include "core/demo/demo_random.hpp"

namespace kitap::core::demo {

// The school's classes for `school.school_year` and its readers: pupils class by
// class, then 67 teachers and 3 others. Sized after DOMAIN.md's coverage plan
// (grades 1-4 ≈620, 5-6 ≈180, 7-9 ≈368, 10-11 ≈72) scaled up to its 1,390
// registered readers, plus a pre-school class. Their cards are random, as a real
// import makes them (core/codes/card_numbers.hpp), drawn from `card_random`: a
// stream of their own, so that the rest of the school does not depend on them.
void add_roster(DemoSchool& school, DemoRandom& random, DemoRandom& card_random);

}  // namespace kitap::core::demo
