#include "core/textbooks/class_progress.hpp"

#include "core/textbooks/class_issuance.hpp"
#include "core/textbooks/textbook_fixture.hpp"

#include <algorithm>

namespace kitap::core {
namespace {

class ClassProgressTest : public testing::TextbookFixture {
protected:
    Date today() const { return local_date(now_); }
};

TEST_F(ClassProgressTest, ShowsEachPupilsSetAndWhatIsMissing) {
    // Pupil 1 holds one of two maths books and one too many Kazakh books; pupil 2 all of it.
    temp_.db().exec(R"(INSERT INTO loan (reader_id, title_id, quantity, loaned_at, due) VALUES
        (1, 1, 1, '2026-09-02T08:00:00Z', '2027-05-31'), (1, 2, 2, '2026-09-02T08:00:00Z', '2027-05-31'),
        (2, 1, 2, '2026-09-02T08:00:00Z', '2027-05-31'), (2, 2, 1, '2026-09-02T08:00:00Z', '2027-05-31'))");
    const auto progress = class_set_progress(temp_.db(), "5ә", today());
    ASSERT_TRUE(progress);
    EXPECT_EQ(progress->class_name, "5Ә");
    ASSERT_EQ(progress->pupils.size(), 3u);
    auto pupil = [&](const std::string& card) {
        return *std::find_if(progress->pupils.begin(), progress->pupils.end(),
                             [&](const PupilSetProgress& p) { return p.card == card; });
    };
    EXPECT_EQ(pupil("20000014").needed, 3);
    EXPECT_EQ(pupil("20000014").held, 2);  // the extra Kazakh book does not stand in for maths
    ASSERT_EQ(pupil("20000014").missing.size(), 1u);
    EXPECT_EQ(pupil("20000014").missing[0].isbn, "9786010000001");
    EXPECT_EQ(pupil("20000014").missing[0].missing(), 1);
    EXPECT_TRUE(pupil("20000022").complete());
    EXPECT_EQ(pupil("20000030").held, 0);
    EXPECT_EQ(progress->needed, 9);
    EXPECT_EQ(progress->held, 5);
    EXPECT_EQ(progress->complete_sets, 1);
}

TEST_F(ClassProgressTest, AClassThisYearDoesNotHaveIsNone) {
    EXPECT_FALSE(class_set_progress(temp_.db(), "6Б", today()));
    EXPECT_FALSE(class_set_progress(temp_.db(), "not a class", today()));
}

TEST_F(ClassProgressTest, ProvisionPerClassFollowsIssuance) {
    temp_.add_class("2026-2027", 7, "А", "ru");
    temp_.add_class("2025-2026", 5, "Б");
    auto before = class_provision(temp_.db(), today());
    ASSERT_EQ(before.size(), 2u);  // last year's class is not listed
    EXPECT_EQ(before[0].class_name, "5Ә");
    EXPECT_EQ(before[0].pupils, 3);
    EXPECT_EQ(before[0].needed, 9);
    EXPECT_EQ(before[0].held, 0);
    EXPECT_TRUE(before[0].has_curriculum);
    EXPECT_EQ(before[1].class_name, "7А");
    EXPECT_FALSE(before[1].has_curriculum);
    EXPECT_EQ(before[1].percent(), 0);

    issue_class_set(temp_.db(), "5Ә", Rules{}, {.now = now_});
    const auto after = class_provision(temp_.db(), today());
    EXPECT_EQ(after[0].held, 9);
    EXPECT_EQ(after[0].percent(), 100);
}

}  // namespace
}  // namespace kitap::core
