#include "core/reports/title_copies.hpp"

#include "tests/support/school.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using testing::TestSchool;

TEST(TitleCopiesQuery, EachCopyWhereItIsAndWhoHoldsIt) {
    TestSchool school;
    const auto title = school.add_title(TestSchool::isbn(1), "fiction", 0);
    const auto other = school.add_title(TestSchool::isbn(2), "fiction", 0);
    school.add_copy("10000025", title, "Б-1");
    const auto lent = school.add_copy("10000017", title, "Б-2");
    school.add_copy("10000033", title, "", "written_off");
    school.add_copy("10000041", other, "Б-1");
    school.lend(school.add_reader("30000010", "Смирнова Ольга", ReaderCategory::teacher), title, 1, lent);

    const auto copies = title_copies(school.db(), title);
    ASSERT_EQ(copies.size(), 3u) << "the other title's copy is not among them";
    EXPECT_EQ(copies[0].code, "10000017");
    EXPECT_EQ(copies[0].shelf, "Б-2");
    EXPECT_EQ(copies[0].holder_card, "30000010");
    EXPECT_EQ(copies[0].holder_name, "Смирнова Ольга");
    EXPECT_EQ(copies[0].due, Date(std::chrono::year(2024) / 5 / 31));
    EXPECT_EQ(copies[1].code, "10000025");
    EXPECT_EQ(copies[1].holder_card, std::nullopt);
    EXPECT_EQ(copies[1].due, std::nullopt);
    EXPECT_EQ(copies[2].status, CopyStatus::written_off);
}

}  // namespace
}  // namespace kitap::core
