#include "core/textbooks/curriculum.hpp"
#include "core/textbooks/textbook_fixture.hpp"

namespace kitap::core {
namespace {

class CurriculumTest : public testing::TextbookFixture {
protected:
    ImportResult import(const std::string& csv, bool dry_run = false) {
        return import_curriculum(temp_.db(), csv, {.dry_run = dry_run, .now = now_});
    }
};

TEST_F(CurriculumTest, ImportsWithKazakhHeadersAndReplacesTheGradesItNames) {
    auto result = import(
        "Сынып;Тілі;ISBN;Оқушыға;Пән\n"
        "5;қазақ;978-601-00-0000-1;1;Математика\n"
        "5;ru;9786010000025;;Русский язык\n");
    ASSERT_TRUE(result.ok()) << result.problems[0].key;
    EXPECT_EQ(result.updated, 1);  // per pupil 2 -> 1
    EXPECT_EQ(result.added, 1);
    EXPECT_EQ(curriculum_entries(temp_.db(), 5, ClassLanguage::kk).size(), 1u);  // Қазақ тілі removed
    EXPECT_EQ(curriculum_entries(temp_.db(), 5, ClassLanguage::ru).size(), 1u);
    EXPECT_EQ(import("grade,language,isbn,per_pupil,subject\n5,kk,9786010000001,1,Математика\n5,ru,9786010000025,1,\n")
                  .unchanged,
              2);
}

TEST_F(CurriculumTest, EveryBadRowIsReportedAndNothingChanges) {
    auto result = import(
        "grade,language,isbn\n"
        "12,kk,9786010000001\n"
        "5,en,9786010000001\n"
        "5,kk,9786010000002\n"
        "5,kk,9780306406157\n"
        "5,kk,9786010000018\n"
        "5,kk,9786010000018\n");
    ASSERT_EQ(result.problems.size(), 5u);
    EXPECT_EQ(result.problems[0].line, 2u);
    EXPECT_EQ(result.problems[1].key, "import.error.bad_language");
    EXPECT_EQ(result.problems[2].key, "import.error.bad_isbn");
    EXPECT_EQ(result.problems[3].key, "import.error.unknown_isbn");
    EXPECT_EQ(result.problems[4].key, "import.error.duplicate_isbn");
    EXPECT_EQ(result.problems[4].line, 7u);
    EXPECT_EQ(count("SELECT count(*) FROM curriculum"), 2);
}

TEST_F(CurriculumTest, DryRunCountsButWritesNothing) {
    auto result = import("grade,language,isbn\n5,ru,9786010000025\n", true);
    EXPECT_EQ(result.added, 1);
    EXPECT_EQ(count("SELECT count(*) FROM curriculum"), 2);
}

TEST_F(CurriculumTest, ShowFiltersByGradeAndLanguage) {
    EXPECT_EQ(curriculum_entries(temp_.db(), std::nullopt, std::nullopt).size(), 2u);
    EXPECT_EQ(curriculum_entries(temp_.db(), 6, std::nullopt).size(), 0u);
    const auto entries = curriculum_entries(temp_.db(), 5, ClassLanguage::kk);
    EXPECT_EQ(entries[0].per_pupil, 2);
    EXPECT_EQ(entries[0].isbn, "9786010000001");
}

}  // namespace
}  // namespace kitap::core
