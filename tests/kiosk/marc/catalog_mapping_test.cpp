#include "kiosk/marc/catalog_mapping.hpp"

#include "kiosk/marc/marc_reader.hpp"
#include "tests/kiosk/marc/marc_test_files.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kitap::marc {
namespace {

using testing::marc_file;

std::vector<MappedRecord> mapped(const std::string& file, MarcFlavour flavour = MarcFlavour::auto_detect) {
    const auto read = read_marc(marc_file(file), {});
    EXPECT_TRUE(read.problems.empty()) << file;
    std::vector<MappedRecord> records;
    for (const auto& [number, record] : read.records) records.push_back(to_catalog_record(record, number, flavour));
    return records;
}

TEST(CatalogMappingTest, Marc21RecordsGiveTheirTitleAuthorsAndCopies) {
    const auto records = mapped("marc21.mrc");
    ASSERT_EQ(records.size(), 3U);

    const auto& abai = records[0].record;
    EXPECT_TRUE(records[0].problems.empty());
    EXPECT_EQ(abai.number, 1U);
    EXPECT_EQ(abai.description, (core::CatalogDescription{.title = "Абай жолы : роман-эпопея",
                                                          .responsibility = "Мұхтар Әуезов",
                                                          .authors = "Әуезов, Мұхтар",
                                                          .isbn = "9786010701014",
                                                          .publisher = "Атамұра",
                                                          .year = 2019,
                                                          .language = "kk",
                                                          .subject = "Қазақ әдебиеті",
                                                          .series = "Қазақ әдебиетінің кітапханасы",
                                                          .edition = "2-бас.",
                                                          .pages = "480 б.",
                                                          .price_tiyn = 250000}));
    EXPECT_EQ(abai.holdings,
              (std::vector<core::CatalogHolding>{{"100001", "Көркем әдебиет"}, {"100002", "Көркем әдебиет"}}));

    const auto& tales = records[1].record.description;
    EXPECT_EQ(tales.title, "Қазақ халық ертегілері. 1-кітап");
    EXPECT_EQ(tales.responsibility, "құраст. Ғ. Қасымова");
    EXPECT_EQ(tales.authors, "Қасымова, Ғалия; Өтегенов, Ұлан");
    EXPECT_EQ(tales.isbn, std::nullopt);
    EXPECT_EQ(tales.publisher, "Мектеп");
    EXPECT_EQ(tales.year, 2020);      // "c2020."
    EXPECT_EQ(tales.language, "kk");  // 008/35-37

    const auto& potter = records[2].record.description;
    EXPECT_EQ(potter.isbn, "9780747532699");      // ISBN-10 0747532699 as 13 digits
    EXPECT_EQ(potter.authors, "Rowling, J. K.");  // the stop of an initial stays
    EXPECT_EQ(potter.title, "Harry Potter and the philosopher's stone");
    EXPECT_EQ(potter.pages, "223 p.");
    EXPECT_EQ(potter.language, "en");
}

TEST(CatalogMappingTest, RusmarcRecordsGiveTheirTitleAuthorsPriceAndCopies) {
    for (const auto* file : {"rusmarc_utf8.mrc", "rusmarc_cp1251.mrc"}) {
        const auto records = mapped(file);
        ASSERT_EQ(records.size(), 2U) << file;

        const auto& folklore = records[0].record;
        EXPECT_EQ(folklore.description,
                  (core::CatalogDescription{.title = "Русское устное народное творчество : хрестоматия-практикум",
                                            .responsibility = "И. Н. Райкова, С. Н. Травников",
                                            .authors = "Райкова, И. Н.; Травников, С. Н.",
                                            .isbn = "9785769556012",
                                            .publisher = "Академия",
                                            .year = 2013,
                                            .language = "ru",
                                            .subject = "Фольклор русский",
                                            .series = "Высшее профессиональное образование",
                                            .edition = "2-е изд., стереотип.",
                                            .pages = "352 с.",
                                            .price_tiyn = 143600}))
            << file;
        EXPECT_EQ(folklore.holdings, (std::vector<core::CatalogHolding>{{"200001", "82.3"}}));

        const auto& primer = records[1].record;
        EXPECT_EQ(primer.description.title, "Ана тілі. 1-сынып") << file;
        EXPECT_EQ(primer.description.language, "kk");
        EXPECT_EQ(primer.description.price_tiyn, 120000);
        EXPECT_EQ(primer.holdings, (std::vector<core::CatalogHolding>{{"200002", "Учебники"}, {"200003", "Учебники"}}));
    }
}

TEST(CatalogMappingTest, AnInvalidIsbnIsTheRecordsProblem) {
    const auto records = mapped("bad_isbn.mrc");

    ASSERT_EQ(records.at(0).problems.size(), 1U);
    EXPECT_EQ(records[0].problems[0].key, "import.error.bad_isbn");
    EXPECT_EQ(records[0].problems[0].args.at("value"), "978-601-07-0101-5");
    EXPECT_EQ(records[0].problems[0].line, 1U);
}

TEST(CatalogMappingTest, TheFlavourIsToldByTheTitleField) {
    const auto marc21 = read_marc(marc_file("marc21.mrc"), {});
    const auto rusmarc = read_marc(marc_file("rusmarc_utf8.mrc"), {});

    EXPECT_EQ(flavour_of(marc21.records.at(0).record, MarcFlavour::auto_detect), MarcFlavour::marc21);
    EXPECT_EQ(flavour_of(rusmarc.records.at(0).record, MarcFlavour::auto_detect), MarcFlavour::unimarc);
    EXPECT_EQ(flavour_of(rusmarc.records.at(0).record, MarcFlavour::marc21), MarcFlavour::marc21);
    // Read as MARC 21, a RUSMARC record has no title (245): core refuses it then.
    EXPECT_EQ(to_catalog_record(rusmarc.records[0].record, 1, MarcFlavour::marc21).record.description.title, "");
}

TEST(CatalogMappingTest, EveryFieldComesBackFromTheRecordAnExportWrites) {
    const core::CatalogRecord title{.number = 7,
                                    .description = {.title = "Абай жолы : роман-эпопея",
                                                    .responsibility = "Мұхтар Әуезов",
                                                    .authors = "Әуезов, Мұхтар; Қасымова, Ғ.",
                                                    .isbn = "9786010701014",
                                                    .publisher = "Атамұра",
                                                    .year = 2019,
                                                    .language = "kk",
                                                    .subject = "Қазақ әдебиеті",
                                                    .series = "Қазақ әдебиетінің кітапханасы",
                                                    .edition = "2-бас.",
                                                    .pages = "480 б.",
                                                    .price_tiyn = 250050,
                                                    .kind = core::TitleKind::textbook,
                                                    .grade = 5,
                                                    .stock = 30},
                                    .holdings = {{"100001", "Көркем әдебиет"}, {"100002", ""}}};
    for (const auto flavour : {MarcFlavour::marc21, MarcFlavour::unimarc}) {
        const auto marc = to_marc(title, flavour);
        EXPECT_EQ(flavour_of(marc, MarcFlavour::auto_detect), flavour);
        const auto back = to_catalog_record(marc, 7, MarcFlavour::auto_detect);
        EXPECT_TRUE(back.problems.empty());
        EXPECT_EQ(back.record.description, title.description);
        EXPECT_EQ(back.record.holdings, title.holdings);
    }
}

TEST(CatalogMappingTest, KitapsOwnFieldIsCheckedLikeAnyOther) {
    MarcRecord marc{.leader = "00000nam a2200000 i 4500"};
    marc.fields.push_back({.tag = "245", .indicators = "10", .subfields = {{'a', "Алгебра"}}});
    marc.fields.push_back({.tag = "979", .indicators = "  ", .subfields = {{'a', "novel"}, {'b', "12"}, {'c', "-3"}}});
    const auto mapped = to_catalog_record(marc, 4, MarcFlavour::auto_detect);
    ASSERT_EQ(mapped.problems.size(), 3U);
    EXPECT_EQ(mapped.problems[0].key, "import.error.bad_kind");
    EXPECT_EQ(mapped.problems[0].args.at("value"), "novel");
    EXPECT_EQ(mapped.problems[1].key, "import.error.unknown_grade");
    EXPECT_EQ(mapped.problems[2].key, "import.error.bad_number");
    EXPECT_EQ(mapped.problems[2].args.at("column"), "979$c");
    EXPECT_EQ(mapped.problems[2].line, 4U);
}

}  // namespace
}  // namespace kitap::marc
