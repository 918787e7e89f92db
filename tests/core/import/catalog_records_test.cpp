#include "core/import/catalog_records.hpp"

#include "core/codes/check_digits.hpp"
#include "tests/support/test_database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kitap::core {
namespace {

std::string isbn(std::string_view twelve) { return std::string(twelve) + ean13_check_digit(twelve); }

const std::string abai_isbn = isbn("978601070101");

CatalogRecord abai(std::size_t number = 1) {
    return {.number = number,
            .description = {.title = "Абай жолы",
                            .responsibility = "М. Әуезов",
                            .authors = "Әуезов, Мұхтар",
                            .isbn = abai_isbn,
                            .publisher = "Атамұра",
                            .year = 2019,
                            .language = "kk",
                            .series = "Қазақ әдебиеті",
                            .pages = "352 б.",
                            .price_tiyn = 250000,
                            .kind = TitleKind::fiction},
            .holdings = {{"100001", "Көркем"}, {"100002", "Көркем"}}};
}

CatalogRecord without_isbn(std::size_t number, std::string title) {
    return {.number = number, .description = {.title = std::move(title), .authors = "Қасымов, А.", .year = 2020}};
}

class CatalogRecordsTest : public ::testing::Test {
protected:
    CatalogRecordsResult import(const std::vector<CatalogRecord>& records, CatalogRecordsOptions options = {}) {
        return import_catalog_records(database_.db(), records, options);
    }

    int count(const std::string& table) { return database_.db().execAndGet("SELECT count(*) FROM " + table).getInt(); }

    testing::TempDatabase database_;
};

TEST_F(CatalogRecordsTest, AddsTitlesWithTheirCopiesAndGivesThemBackForExport) {
    const auto result = import({abai(), without_isbn(2, "Ертегілер")});

    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.written);
    EXPECT_EQ(result.titles_added, 2);
    EXPECT_EQ(result.copies_added, 2);
    const auto exported = catalog_records(database_.db());
    ASSERT_EQ(exported.size(), 2U);
    EXPECT_EQ(exported[0].description, abai().description);
    EXPECT_EQ(exported[0].holdings, abai().holdings);
    EXPECT_EQ(exported[1].description.title, "Ертегілер");
    EXPECT_EQ(exported[1].number, 2U);
}

TEST_F(CatalogRecordsTest, ImportingTheSameRecordsAgainChangesNothing) {
    ASSERT_TRUE(import({abai(), without_isbn(2, "Ертегілер")}).ok());

    const auto again = import({abai(), without_isbn(2, "Ертегілер")});

    EXPECT_EQ(again.titles_added, 0);
    EXPECT_EQ(again.titles_updated, 0);
    EXPECT_EQ(again.copies_added, 0);
    EXPECT_EQ(count("title"), 2);
    EXPECT_EQ(count("copy"), 2);
}

TEST_F(CatalogRecordsTest, ARecordWithTheSameIsbnUpdatesTheTitleAndAddsNewCopies) {
    ASSERT_TRUE(import({abai()}).ok());
    auto newer = abai();
    newer.description.edition = "2-е изд.";
    newer.description.publisher.clear();  // says nothing: the stored publisher stays
    newer.holdings.push_back({"100003", "Көркем"});

    const auto result = import({newer});

    EXPECT_EQ(result.titles_added, 0);
    EXPECT_EQ(result.titles_updated, 1);
    EXPECT_EQ(result.copies_added, 1);
    const auto stored = catalog_records(database_.db()).at(0);
    EXPECT_EQ(stored.description.edition, "2-е изд.");
    EXPECT_EQ(stored.description.publisher, "Атамұра");
    EXPECT_EQ(stored.holdings.size(), 3U);
}

// What Kitap's own exports add (MARC field 979): a new title is held as the record says;
// a title already here takes its kind and grade, but keeps its count, which only
// receipts and write-offs change.
TEST_F(CatalogRecordsTest, KindGradeAndStockComeWithANewTitleAndOnlyKindAndGradeWithAKnownOne) {
    auto algebra = without_isbn(1, "Алгебра");
    algebra.description.kind = TitleKind::textbook;
    algebra.description.grade = 7;
    algebra.description.stock = 25;
    ASSERT_TRUE(import({algebra}).ok());
    auto stored = catalog_records(database_.db()).at(0).description;
    EXPECT_EQ(stored, algebra.description);

    algebra.description.grade = 8;
    algebra.description.stock = 40;
    const auto again = import({algebra});
    EXPECT_EQ(again.titles_updated, 1);
    stored = catalog_records(database_.db()).at(0).description;
    EXPECT_EQ(stored.grade, 8);
    EXPECT_EQ(stored.stock, 25);
    EXPECT_EQ(stored.kind, TitleKind::textbook);
    EXPECT_EQ(import({without_isbn(1, "Алгебра")}).titles_updated, 0) << "a record saying nothing of them changes none";
}

TEST_F(CatalogRecordsTest, ARecordWithoutIsbnMatchesOnTitleAuthorsAndYear) {
    ASSERT_TRUE(import({without_isbn(1, "Ертегілер")}).ok());
    auto same = without_isbn(1, "Ертегілер");
    same.description.subject = "Әдебиет";
    auto other_year = without_isbn(2, "Ертегілер");
    other_year.description.year = 2021;

    const auto result = import({same, other_year});

    EXPECT_EQ(result.titles_updated, 1);
    EXPECT_EQ(result.titles_added, 1);
    EXPECT_EQ(count("title"), 2);
}

TEST_F(CatalogRecordsTest, AnyBadRecordWritesNothingAndEachIsReportedByItsNumber) {
    auto twin = abai(3);
    twin.holdings = {{"100009", ""}};
    auto shared_copy = without_isbn(4, "Ертегілер");
    shared_copy.holdings = {{"100001", ""}};

    const auto result = import({abai(1), without_isbn(2, ""), twin, shared_copy});

    EXPECT_FALSE(result.written);
    ASSERT_EQ(result.problems.size(), 3U);
    EXPECT_EQ(result.problems[0].line, 2U);
    EXPECT_EQ(result.problems[0].key, "import.error.missing_title");
    EXPECT_EQ(result.problems[1].line, 3U);
    EXPECT_EQ(result.problems[1].key, "marc.error.duplicate_isbn");
    EXPECT_EQ(result.problems[1].args.at("first_record"), "1");
    EXPECT_EQ(result.problems[2].line, 4U);
    EXPECT_EQ(result.problems[2].key, "marc.error.duplicate_barcode");
    EXPECT_EQ(count("title"), 0);
    EXPECT_EQ(count("event"), 0);
}

TEST_F(CatalogRecordsTest, AControlCharacterInAnyTextRefusesTheRecord) {
    auto escape = abai();
    escape.description.title = "Абай\x1b]2;pwned\x07";
    auto shelf = without_isbn(2, "Ертегілер");
    shelf.holdings = {{"100005", "Көркем\u202e"}};

    const auto result = import({escape, shelf});

    ASSERT_EQ(result.problems.size(), 2U);
    EXPECT_EQ(result.problems[0].key, "import.error.control_character");
    EXPECT_EQ(result.problems[0].args.at("column"), "title");
    EXPECT_EQ(result.problems[0].args.at("code"), "U+001B");
    EXPECT_EQ(result.problems[1].args.at("column"), "shelf");
    EXPECT_EQ(count("title"), 0);
}

TEST_F(CatalogRecordsTest, SkipBadImportsTheGoodRecordsAndCountsTheOthers) {
    const auto result = import({abai(1), without_isbn(2, "")}, {.skip_bad = true});

    EXPECT_TRUE(result.written);
    EXPECT_EQ(result.titles_added, 1);
    EXPECT_EQ(result.skipped, 1U);
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(count("title"), 1);
}

TEST_F(CatalogRecordsTest, ACopyOfAnotherTitleIsRefused) {
    ASSERT_TRUE(import({abai()}).ok());
    auto other = without_isbn(1, "Ертегілер");
    other.holdings = {{"100002", ""}};

    const auto result = import({other});

    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].key, "import.error.barcode_other_title");
    EXPECT_EQ(result.problems[0].args.at("title"), "Абай жолы");
}

TEST_F(CatalogRecordsTest, ADryRunCountsButWritesNothing) {
    const auto result = import({abai()}, {.dry_run = true});

    EXPECT_EQ(result.titles_added, 1);
    EXPECT_EQ(result.copies_added, 2);
    EXPECT_FALSE(result.written);
    EXPECT_EQ(count("title"), 0);
}

TEST_F(CatalogRecordsTest, TheImportIsLoggedWithItsCounts) {
    ASSERT_TRUE(import({abai()}).ok());

    const auto detail = database_.db().execAndGet("SELECT detail FROM event WHERE action = 'import_marc'").getString();

    EXPECT_EQ(detail, "records 1, added 1, updated 0, copies added 2, skipped 0");
    EXPECT_EQ(count("event"), 4);  // title_added, two copy_added, import_marc
}

TEST_F(CatalogRecordsTest, LostCopiesAreLeftOutOfTheExport) {
    ASSERT_TRUE(import({abai()}).ok());
    database_.db().exec("UPDATE copy SET status = 'lost' WHERE barcode = '100001'");

    const auto exported = catalog_records(database_.db());

    ASSERT_EQ(exported.at(0).holdings.size(), 1U);
    EXPECT_EQ(exported[0].holdings[0].barcode, "100002");
}

}  // namespace
}  // namespace kitap::core
