#pragma once

#include "core/demo/demo_model.hpp"
#include "core/demo/demo_random.hpp"

namespace kitap::core::demo {

// The school's classes for `school.school_year` and its readers: pupils class by
// class, then 67 teachers and 3 others, with reader cards numbered in that order.
// Sized after DOMAIN.md's coverage plan (grades 1-4 ≈620, 5-6 ≈180, 7-9 ≈368,
// 10-11 ≈72) scaled up to its 1,390 registered readers, plus a pre-school class.
void add_roster(DemoSchool& school, DemoRandom& random);

}  // namespace kitap::core::demo
