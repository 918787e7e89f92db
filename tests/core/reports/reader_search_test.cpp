#include "core/reports/reader_search.hpp"

#include "core/reports/catalog_search.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using testing::TestSchool;

class ReaderSearchQuery : public ::testing::Test, protected TestSchool {
protected:
    void SetUp() override {
        add_fold_case_function(db());
        const auto five = add_class("2025-2026", 5, "Ә");
        const auto six = add_class("2025-2026", 6, "А");
        add_reader("20000014", "Қасымова Әлия", ReaderCategory::pupil, five);
        add_reader("20000022", "Әлиев Ерасыл", ReaderCategory::pupil, six);
        add_reader("30000010", "Смирнова Ольга", ReaderCategory::teacher);
    }

    std::vector<std::string> cards(std::string_view text,
                                   const std::optional<std::vector<std::string>>& classes = std::nullopt) {
        std::vector<std::string> found;
        for (const auto& reader : reader_search(db(), text, classes, 10)) found.push_back(reader.card);
        return found;
    }
};

TEST_F(ReaderSearchQuery, FindsNamesInAnyCaseKazakhAndRussianToo) {
    EXPECT_EQ(cards("ӘЛИ"), (std::vector<std::string>{"20000014", "20000022"})) << "by name: Әлиев, Қасымова";
    EXPECT_EQ(cards("қасымова"), std::vector<std::string>{"20000014"});
    EXPECT_EQ(cards("ОЛЬГА"), std::vector<std::string>{"30000010"});
    EXPECT_TRUE(cards("Жібек").empty());
}

TEST_F(ReaderSearchQuery, FindsCardsByTheirStart) {
    EXPECT_EQ(cards("3000"), std::vector<std::string>{"30000010"});
    EXPECT_EQ(cards("2000002"), std::vector<std::string>{"20000022"});
    EXPECT_TRUE(cards("0001").empty()) << "the middle of a card is no match";
}

TEST_F(ReaderSearchQuery, KeepsToTheClassesGivenAndTheLimit) {
    const auto found = reader_search(db(), "әли", std::vector<std::string>{"6А"}, 10);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].card, "20000022");
    EXPECT_EQ(found[0].class_name, "6А");
    EXPECT_EQ(found[0].category, ReaderCategory::pupil);
    EXPECT_TRUE(cards("ольга", std::vector<std::string>{"5Ә"}).empty()) << "a teacher's search sees no staff";
    EXPECT_EQ(reader_search(db(), "әли", std::nullopt, 1).size(), 1u);
}

}  // namespace
}  // namespace kitap::core
