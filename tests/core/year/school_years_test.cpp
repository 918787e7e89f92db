#include "core/year/school_years.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using namespace std::chrono;

TEST(SchoolYears, CalendarYearUntilTheLibrarianClosesIt) {
    testing::TempDatabase temp;
    const Date june{2024y, June, 10d};
    EXPECT_EQ(current_school_year(temp.db(), june), "2023-2024");
    temp.db().exec("INSERT INTO school_year (name, closed_at) VALUES ('2023-2024', '2024-06-10T09:00:00Z')");
    EXPECT_TRUE(school_year_closed(temp.db(), "2023-2024"));
    EXPECT_EQ(current_school_year(temp.db(), june), "2024-2025");
    EXPECT_EQ(current_school_year(temp.db(), Date{2024y, September, 2d}), "2024-2025");
}

TEST(SchoolYears, NextYear) { EXPECT_EQ(next_school_year("2023-2024"), "2024-2025"); }

}  // namespace
}  // namespace kitap::core
