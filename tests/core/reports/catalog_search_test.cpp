#include "core/reports/catalog_search.hpp"

#include "tests/support/school.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using testing::TestSchool;

class CatalogSearchQuery : public ::testing::Test, protected TestSchool {
protected:
    void SetUp() override {
        add_fold_case_function(db());
        const auto title = add_title(isbn(1), "fiction", 1);
        db().exec("UPDATE title SET title = 'Қыз Жібек', authors = 'Ғабит Мүсірепов' WHERE id = " +
                  std::to_string(title));
        add_copy("10000017", title, "Б-2");
        add_copy("10000025", title, "Б-1");
        add_copy("10000033", title, "Б-1");
        add_copy("10000041", title, "Б-9", "written_off");
        lend(add_reader("30000010", "Reader", ReaderCategory::teacher), title, 1, 1);
    }
};

TEST_F(CatalogSearchQuery, FoldsKazakhLettersOnBothSides) {
    for (const char* text : {"ҚЫЗ", "қыз жібек", "ҒАБИТ", "мүсірепов"}) {
        const auto found = catalog_search(db(), text, 10);
        ASSERT_EQ(found.size(), 1u) << text;
        EXPECT_EQ(found[0].title, "Қыз Жібек");
    }
}

TEST_F(CatalogSearchQuery, CountsCopiesInTheFundAndTitleStock) {
    const auto found = catalog_search(db(), "жібек", 10);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].total, 4) << "three copies in the fund and one counted by title";
    EXPECT_EQ(found[0].available, 3);
    EXPECT_EQ(found[0].shelves, (std::vector<std::string>{"Б-1", "Б-2"})) << "by name, once each, not written off";
    EXPECT_EQ(found[0].kind, TitleKind::fiction);
}

TEST_F(CatalogSearchQuery, StopsAtTheLimit) {
    for (int n = 2; n <= 6; ++n) add_title(isbn(n), "reference", 0);
    EXPECT_EQ(catalog_search(db(), "title", 3).size(), 3u);
    EXPECT_EQ(catalog_search(db(), "title", 10).size(), 5u);
}

}  // namespace
}  // namespace kitap::core
