#include "core/reports/catalog_search.hpp"

#include "core/db/statement.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace kitap::core {
namespace {

using testing::TestSchool;

class CatalogSearchQuery : public ::testing::Test, protected TestSchool {
protected:
    void SetUp() override {
        const auto title = add_title(isbn(1), "fiction", 1);
        name(title, "Қыз Жібек", "Ғабит Мүсірепов");
        add_copy("10000017", title, "Б-2");
        const auto lent_copy = add_copy("10000025", title, "Б-1");
        add_copy("10000033", title, "Б-1");
        add_copy("10000041", title, "Б-9", "written_off");
        const auto reader = add_reader("30000010", "Reader", ReaderCategory::teacher);
        lend(reader, title, 1);  // one of the title's copies counted by title
        lend(reader, title, 1, lent_copy);
        give_back(lend(reader, title, 1), "2023-10-02T09:00:00Z", "good");
    }

    RowId add_named(int n, const std::string& title, const std::string& authors) {
        const auto id = add_title(isbn(n), "fiction", 0);
        name(id, title, authors);
        return id;
    }
    void name(RowId id, const std::string& title, const std::string& authors) {
        SQLite::Statement rename(db(), "UPDATE title SET title = ?, authors = ? WHERE id = ?");
        rebind(rename, title, authors, id).exec();
    }
    std::vector<std::string> titles_found(std::string_view text) {
        std::vector<std::string> titles;
        for (const auto& entry : catalog_search(db(), text, 10)) titles.push_back(entry.title);
        return titles;
    }
};

using Titles = std::vector<std::string>;

TEST_F(CatalogSearchQuery, FoldsKazakhLettersOnBothSides) {
    for (const char* text : {"ҚЫЗ", "қыз жібек", "ҒАБИТ", "мүсірепов"}) {
        const auto found = catalog_search(db(), text, 10);
        ASSERT_EQ(found.size(), 1u) << text;
        EXPECT_EQ(found[0].title, "Қыз Жібек");
    }
}

TEST_F(CatalogSearchQuery, ATextWithoutKazakhLettersAlsoFindsThemWrittenAsRussianOnes) {
    add_named(2, "Путь Абая", "Мухтар Ауэзов");
    add_named(3, "Абай жолы", "Мұхтар Әуезов");
    EXPECT_EQ(titles_found("кыз жибек"), Titles{"Қыз Жібек"}) << "typed on a Russian keyboard";
    EXPECT_EQ(titles_found("ГАБИТ"), Titles{"Қыз Жібек"});
    EXPECT_EQ(titles_found("ауезов"), Titles{"Абай жолы"});
    EXPECT_EQ(titles_found("әуезов"), Titles{"Абай жолы"}) << "a Kazakh letter: Ауэзов is another spelling";
    EXPECT_EQ(titles_found("ауэзов"), Titles{"Путь Абая"});
    EXPECT_TRUE(titles_found("Ауезов Ұлы").empty()) << "with a Kazakh letter, Kazakh letters are not folded";
}

TEST_F(CatalogSearchQuery, EveryWordIsTheBeginningOfOneAndAllAreNeeded) {
    add_named(2, "Қара сөздер", "Абай Құнанбайұлы");
    EXPECT_EQ(titles_found("жібе"), Titles{"Қыз Жібек"});
    EXPECT_EQ(titles_found("мүсір қыз"), Titles{"Қыз Жібек"}) << "in any order, title or authors";
    EXPECT_TRUE(titles_found("ібек").empty()) << "the middle of a word is not its beginning";
    EXPECT_TRUE(titles_found("қыз сөздер").empty());
}

TEST_F(CatalogSearchQuery, AWordOfTheTitleRanksAboveOneOfTheAuthors) {
    add_named(2, "Қара сөздер", "Абай Құнанбайұлы");
    add_named(3, "Абай жолы", "Мұхтар Әуезов");
    EXPECT_EQ(titles_found("абай"), (Titles{"Абай жолы", "Қара сөздер"}));
}

TEST_F(CatalogSearchQuery, SubjectAndSeriesAreSearchedToo) {
    db().exec("UPDATE title SET subject = 'Әдебиет', series = 'Мектеп кітапханасы'");
    EXPECT_EQ(titles_found("кітапхана"), Titles{"Қыз Жібек"});
    EXPECT_EQ(titles_found("әдебиет"), Titles{"Қыз Жібек"});
}

TEST_F(CatalogSearchQuery, AnIsbnAsTypedFindsItsTitleByItsBeginning) {
    EXPECT_EQ(titles_found("978-601-000001"), Titles{"Қыз Жібек"});
    EXPECT_EQ(titles_found(" 978 601 "), Titles{"Қыз Жібек"});
    EXPECT_TRUE(titles_found("978-602").empty());
}

TEST_F(CatalogSearchQuery, QuerySyntaxAndPunctuationAreJustText) {
    EXPECT_EQ(titles_found("\"Қыз\" - OR"), Titles{}) << "OR is a word here, and no title has it";
    EXPECT_EQ(titles_found("жібек -"), Titles{"Қыз Жібек"}) << "a word of punctuation alone asks for nothing";
    EXPECT_EQ(titles_found("«Қыз* (Жібек)»"), Titles{"Қыз Жібек"});
    EXPECT_TRUE(titles_found(" - ").empty());
    EXPECT_TRUE(titles_found("NEAR(a b) title:x ^y").empty());
}

TEST_F(CatalogSearchQuery, TheIndexFollowsRenamesAndDeletions) {
    const auto renamed = add_named(2, "Көксерек", "Мұхтар Әуезов");
    name(renamed, "Қилы заман", "Мұхтар Әуезов");
    EXPECT_TRUE(titles_found("көксерек").empty());
    EXPECT_EQ(titles_found("қилы"), Titles{"Қилы заман"});
    db().exec("DELETE FROM title WHERE id = " + std::to_string(renamed));
    EXPECT_TRUE(titles_found("қилы").empty());
}

TEST_F(CatalogSearchQuery, CountsCopiesInTheFundAndTitleStock) {
    const auto found = catalog_search(db(), "жібек", 10);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].total, 4) << "three copies in the fund and one counted by title";
    EXPECT_EQ(found[0].available, 2) << "one lent by title, one labelled copy lent; a returned loan counts not";
    EXPECT_EQ(found[0].shelves, (std::vector<std::string>{"Б-1", "Б-2"})) << "by name, once each, not written off";
    EXPECT_EQ(found[0].kind, TitleKind::fiction);
}

TEST_F(CatalogSearchQuery, StopsAtTheLimit) {
    for (int n = 2; n <= 6; ++n) add_title(isbn(n), "reference", 0);
    EXPECT_EQ(catalog_search(db(), "title", 3).size(), 3u) << "added as Title ISBN";
    EXPECT_EQ(catalog_search(db(), "title", 10).size(), 5u);
}

}  // namespace
}  // namespace kitap::core
