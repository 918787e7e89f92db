#include "core/textbooks/class_issuance.hpp"
#include "core/textbooks/textbook_fixture.hpp"

namespace kitap::core {
namespace {

class ClassIssuanceTest : public testing::TextbookFixture {
protected:
    IssueSetOutcome issue(const std::string& class_name, IssueSetOptions options = {}) {
        options.now = now_;
        return issue_class_set(temp_.db(), class_name, Rules{}, options);
    }
};

TEST_F(ClassIssuanceTest, IssuesTheWholeSetToEveryPupilInOneGo) {
    auto outcome = issue("5ә");
    ASSERT_TRUE(outcome.result);
    EXPECT_EQ(outcome.result->class_name, "5Ә");
    EXPECT_EQ(outcome.result->pupils, 3);
    EXPECT_EQ(outcome.result->complete_sets, 3);
    EXPECT_TRUE(outcome.result->shortages.empty());
    EXPECT_EQ(count("SELECT sum(quantity) FROM loan WHERE title_id = 1"), 6);
    EXPECT_EQ(count("SELECT sum(quantity) FROM loan WHERE title_id = 2"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE due = '2027-05-31'"), 6);
    EXPECT_EQ(count("SELECT count(*) FROM event WHERE detail = 'issue-set 5Ә'"), 6);
}

TEST_F(ClassIssuanceTest, IssuingAgainGivesOnlyWhatIsMissing) {
    issue("5Ә");
    temp_.db().exec("UPDATE loan SET returned_at = '2026-11-25T11:00:00Z' WHERE reader_id = 2 AND title_id = 2");
    auto again = issue("5Ә");
    EXPECT_EQ(again.result->issued[1].count, 1);
    EXPECT_EQ(again.result->issued[0].count, 0);
    EXPECT_EQ(count("SELECT sum(quantity) FROM loan WHERE returned_at IS NULL"), 9);
}

TEST_F(ClassIssuanceTest, ShortStockGoesToWholeSetsFirst) {
    temp_.db().exec("UPDATE title SET stock = 5 WHERE id = 1");
    temp_.db().exec(
        "INSERT INTO loan (reader_id, title_id, quantity, loaned_at, due) VALUES "
        "(3, 1, 1, '2026-09-02T08:00:00Z', '2027-05-31')");  // pupil 3 needs 1 more maths book
    auto outcome = issue("5Ә");
    // 4 maths books are free. Pupil 3 misses 2 books in all, the others 3 each: pupil 3
    // is served first (1 maths), then one whole set fits (2 maths), and the last pupil
    // gets the one maths book left and the Kazakh book.
    EXPECT_EQ(outcome.result->complete_sets, 2);
    ASSERT_EQ(outcome.result->shortages.size(), 1u);
    EXPECT_EQ(outcome.result->shortages[0].isbn, "9786010000001");
    EXPECT_EQ(outcome.result->shortages[0].missing, 1);
    EXPECT_EQ(outcome.result->shortages[0].reason, "no_stock");
    EXPECT_EQ(count("SELECT stock - (SELECT sum(quantity) FROM loan WHERE title_id = 1) FROM title WHERE id = 1"), 0);
}

TEST_F(ClassIssuanceTest, AllocationServesWholeSetsBeforeSharingOut) {
    // Three pupils each needing one of A and B; stock A = 2, B = 1: one whole set, then A again.
    std::vector<std::vector<Need>> needs{{{0, 1, 1}, {0, 2, 1}}, {{1, 1, 1}, {1, 2, 1}}, {{2, 1, 1}, {2, 2, 1}}};
    auto granted = allocate_whole_sets_first(needs, {{1, 2}, {2, 1}});
    ASSERT_EQ(granted.size(), 3u);
    EXPECT_EQ(granted[0].pupil, 0u);
    EXPECT_EQ(granted[1].pupil, 0u);
    EXPECT_EQ(granted[2].pupil, 1u);
    EXPECT_EQ(granted[2].title_id, 1);
}

TEST_F(ClassIssuanceTest, LastYearsDebtBlocksTheSubject) {
    temp_.db().exec(R"(INSERT INTO title (id, title, isbn, kind, grade, subject, stock) VALUES
        (9, 'Математика. 4-сынып', '9786010000032', 'textbook', 4, 'Математика', 5))");
    temp_.db().exec(
        "INSERT INTO loan (reader_id, title_id, quantity, loaned_at, due) VALUES "
        "(1, 9, 1, '2025-09-02T08:00:00Z', '2026-05-31')");
    auto outcome = issue("5Ә");
    ASSERT_EQ(outcome.result->shortages.size(), 1u);
    EXPECT_EQ(outcome.result->shortages[0].card, "20000014");
    EXPECT_EQ(outcome.result->shortages[0].reason, "textbook_debt");
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE reader_id = 1 AND title_id = 2"), 1);  // other subjects issued
}

TEST_F(ClassIssuanceTest, DryRunWritesNothing) {
    auto outcome = issue("5Ә", {.dry_run = true});
    EXPECT_EQ(outcome.result->complete_sets, 3);
    EXPECT_EQ(count("SELECT count(*) FROM loan"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM event"), 0);
}

TEST_F(ClassIssuanceTest, OneTitleOnly) {
    auto outcome = issue("5Ә", {.isbn = std::string("978-601-00-0001-8")});
    ASSERT_TRUE(outcome.result);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE title_id <> 2"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE title_id = 2"), 3);
}

TEST_F(ClassIssuanceTest, RefusalsSayWhy) {
    EXPECT_EQ(issue("5Б").refusal, IssueSetRefusal::unknown_class);
    EXPECT_EQ(issue("ноль").refusal, IssueSetRefusal::unknown_class);
    EXPECT_EQ(issue("5Ә", {.isbn = std::string("9786010000025")}).refusal, IssueSetRefusal::not_in_curriculum);
    temp_.add_class("2026-2027", 6, "А", "ru");
    EXPECT_EQ(issue("6А").refusal, IssueSetRefusal::no_curriculum);
}

TEST_F(ClassIssuanceTest, PupilsWhoLeftGetNothing) {
    temp_.db().exec("UPDATE reader SET status = 'left' WHERE id = 3");
    EXPECT_EQ(issue("5Ә").result->pupils, 2);
    EXPECT_EQ(count("SELECT count(*) FROM loan WHERE reader_id = 3"), 0);
}

}  // namespace
}  // namespace kitap::core
