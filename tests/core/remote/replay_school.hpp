#pragma once

#include "tests/support/school.hpp"

#include <cstdlib>
#include <ctime>

// What the tests of journal replays share: the school, the cards and codes a kiosk's
// journal names, and the days of its offline scans and of their upload.
namespace kitap::testing::replay {

using namespace std::chrono_literals;

inline constexpr const char* pupil = "20000014";
inline constexpr const char* other_pupil = "20000022";
inline constexpr const char* left_pupil = "20000048";  // has left the school
inline constexpr const char* first_copy = "10000017";
inline constexpr const char* second_copy = "10000025";

inline const core::Timestamp offline_at = std::chrono::sys_days{2026y / 11 / 20} + 9h;  // the kiosk's scans
inline const core::Timestamp upload_at = std::chrono::sys_days{2026y / 11 / 25} + 10h;  // the server back

// 5Ә of 2026-2027 with the three pupils (ids 1, 2, 3 in that order) and two copies of a
// novel (title 1, copies 1 and 2); local time is UTC.
inline void add_replay_school(TestSchool& school) {
    setenv("TZ", "UTC", 1);
    tzset();
    const auto class_id = school.add_class("2026-2027", 5, "Ә");
    school.add_pupil(pupil, class_id);
    school.add_pupil(other_pupil, class_id);
    school.add_pupil(left_pupil, class_id, "left");
    const auto title = school.add_title(TestSchool::isbn(7), "fiction", 0);
    school.add_copy(first_copy, title);
    school.add_copy(second_copy, title);
}

}  // namespace kitap::testing::replay
