#include "core/import/column_map.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kitap::core {
namespace {

const ImportColumns test_columns{
    .headers = {{"name", {"name", "full name", "фио", "ф.и.о.", "аты-жөні"}},
                {"class", {"class", "класс", "сынып"}},
                {"copies", {"copies", "кол-во"}}},
    .required = {"name"},
};

CsvRecord record(std::size_t line, std::vector<std::string> fields) { return {line, std::move(fields)}; }

TEST(AliasKey, FoldsCaseAndDropsSpacesUnderscoresHyphensAndDots) {
    EXPECT_EQ(alias_key("  Аты-ЖӨНІ "), alias_key("аты жөні"));
    EXPECT_EQ(alias_key("АТЫ_ЖӨНІ"), "атыжөні");
    EXPECT_EQ(alias_key("Ф.И.О."), "фио");
    EXPECT_EQ(alias_key("Full\xC2\xA0Name"), "fullname");
    EXPECT_NE(alias_key("Сынып"), alias_key("Санаты"));
}

TEST(AliasTable, FindsTheValueOfAnyOfItsWords) {
    const AliasTable<int> words{{1, {"оқушы", "ученик"}}, {2, {"мұғалім"}}};
    EXPECT_EQ(words.find(" ОҚУШЫ "), 1);
    EXPECT_EQ(words.find("Ученик"), 1);
    EXPECT_EQ(words.find("МҰҒАЛІМ"), 2);
    EXPECT_EQ(words.find("директор"), std::nullopt);
    EXPECT_EQ(words.values(), (std::vector<int>{1, 2}));
}

TEST(ColumnMap, FindsColumnsByAnyHeaderInAnyCaseAndIgnoresOthers) {
    const ColumnMap map(record(1, {"№", "Ф.И.О.", "Телефон", "СЫНЫП"}), test_columns);
    EXPECT_TRUE(map.has("name"));
    EXPECT_TRUE(map.has("class"));
    EXPECT_FALSE(map.has("copies"));
    const auto row = record(2, {"1", "Қасымова Әлия", "+7 701", "5Ә"});
    EXPECT_EQ(map.cell(row, "name"), "Қасымова Әлия");
    EXPECT_EQ(map.cell(row, "class"), "5Ә");
    EXPECT_EQ(map.cell(row, "copies"), "");
}

TEST(ColumnMap, TheFirstOfTwoMatchingColumnsCounts) {
    const ColumnMap map(record(1, {"ФИО", "Аты-жөні"}), test_columns);
    EXPECT_EQ(map.cell(record(2, {"бірінші", "екінші"}), "name"), "бірінші");
}

TEST(ColumnMap, CellsAreTidiedAndShortRowsAreEmpty) {
    const ColumnMap map(record(1, {"class", "name"}), test_columns);
    EXPECT_EQ(map.cell(record(2, {"5Ә", "  Қасымова \xC2\xA0 Әлия\r\nЕрланқызы\t"}), "name"),
              "Қасымова Әлия Ерланқызы");
    EXPECT_EQ(map.cell(record(3, {"5Ә"}), "name"), "");
}

TEST(ColumnMap, AnUndeclaredColumnIsAProgrammingError) {
    const ColumnMap map(record(1, {"name"}), test_columns);
    EXPECT_THROW(map.cell(record(2, {"x"}), "nmae"), std::logic_error);
}

TEST(ColumnMap, ANameGivenInPartsIsJoined) {
    const ImportColumns columns{
        .headers = {{"name", {"фио"}},
                    {"surname", {"фамилия", "тегі"}},
                    {"first_name", {"имя", "аты"}},
                    {"patronymic", {"отчество", "әкесінің аты"}}},
        .required = {"name"},
        .joined = {{.column = "name", .parts = {"surname", "first_name", "patronymic"}, .needed = 2}}};
    const ColumnMap map(record(1, {"№", "Тегі", "Аты", "Әкесінің аты"}), columns);
    EXPECT_TRUE(map.has("name"));
    EXPECT_EQ(map.cell(record(2, {"1", "Қасымова", " Ғалия", "Ерланқызы"}), "name"), "Қасымова Ғалия Ерланқызы");
    EXPECT_EQ(map.cell(record(3, {"2", "Нұрланұлы", "Ерасыл"}), "name"), "Нұрланұлы Ерасыл");
    EXPECT_EQ(map.cell(record(4, {"3"}), "name"), "");
    EXPECT_FALSE(ColumnMap(record(1, {"Фамилия", "Отчество"}), columns).has("name"));
    EXPECT_EQ(ColumnMap(record(1, {"ФИО", "Фамилия", "Имя"}), columns).cell(record(2, {"Әлия", "x", "y"}), "name"),
              "Әлия");
}

TEST(ColumnMap, KnownCellsAreThoseUnderDeclaredColumns) {
    const ColumnMap map(record(1, {"№", "ФИО", "Класс"}), test_columns);
    EXPECT_FALSE(map.any_known_cell(record(9, {"Классный руководитель: Иванова А.А.", "", ""})));
    EXPECT_TRUE(map.any_known_cell(record(9, {"3", "", "5Ә"})));
}

TEST(RowReader, RecordsEveryProblemOnTheRowsLine) {
    const ColumnMap map(record(1, {"name", "copies", "class"}), test_columns);
    const auto row = record(7, {"", "2,5", "оқушы"});
    std::vector<ImportProblem> problems;
    RowReader reader(row, map, problems);
    const AliasTable<int> words{{1, {"мұғалім"}}};
    EXPECT_EQ(reader.whole_number("copies", 0, 100), std::nullopt);
    EXPECT_EQ(reader.word("class", words, "import.error.bad_category"), std::nullopt);
    EXPECT_EQ(reader.word("name", words, "import.error.bad_category"), std::nullopt);  // empty: no problem
    EXPECT_FALSE(reader.ok());
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].line, 7u);
    EXPECT_EQ(problems[0].key, "import.error.bad_number");
    EXPECT_EQ(problems[0].args, (std::map<std::string, std::string>{{"column", "copies"}, {"value", "2,5"}}));
    EXPECT_EQ(problems[1].args, (std::map<std::string, std::string>{{"value", "оқушы"}}));
}

TEST(RowReader, WholeNumbersWithinTheirRange) {
    const ColumnMap map(record(1, {"copies"}), test_columns);
    std::vector<ImportProblem> problems;
    const auto number = [&](std::string text) {
        const auto row = record(2, {std::move(text)});
        RowReader reader(row, map, problems);
        return reader.whole_number("copies", 0, 11);
    };
    EXPECT_EQ(number("0"), 0);
    EXPECT_EQ(number(" 11 "), 11);
    EXPECT_EQ(number(""), std::nullopt);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(number("12"), std::nullopt);
    EXPECT_EQ(number("-1"), std::nullopt);
    EXPECT_EQ(number("5 класс"), std::nullopt);
    EXPECT_EQ(number("99999999999999999999"), std::nullopt);
    EXPECT_EQ(problems.size(), 4u);
}

TEST(DuplicateFinder, ReportsTheLineWhereAValueWasFirstSeen) {
    const ColumnMap map(record(1, {"name"}), test_columns);
    std::vector<ImportProblem> problems;
    DuplicateFinder cards("import.error.duplicate_card", "card");
    const auto seen = [&](std::size_t line, const std::string& card) {
        const auto row = record(line, {"x"});
        RowReader reader(row, map, problems);
        return cards.first_time(card, reader);
    };
    EXPECT_TRUE(seen(2, "20000016"));
    EXPECT_TRUE(seen(3, "20000024"));
    EXPECT_FALSE(seen(5, "20000016"));
    EXPECT_FALSE(seen(9, "20000016"));
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[1].line, 9u);
    EXPECT_EQ(problems[1].args, (std::map<std::string, std::string>{{"card", "20000016"}, {"first_line", "2"}}));
}

TEST(ChangedFields, NamesWhatDiffers) {
    ChangedFields changed;
    changed.compare("name", std::string("a"), std::string("a"));
    changed.compare("class", 1, 2);
    changed.compare("status", true, false);
    EXPECT_EQ(changed.names(), "class,status");
}

TEST(OccurrenceCounter, CountsEachKey) {
    OccurrenceCounter seen;
    EXPECT_EQ(seen.next("Әлия 5Ә"), 0u);
    EXPECT_EQ(seen.next("Әлия 5Ә"), 1u);
    EXPECT_EQ(seen.next("Ерасыл 5Ә"), 0u);
}

TEST(LanguageWords, KazakhRussianEnglish) {
    EXPECT_EQ(language_words().find("Қаз"), "kk");
    EXPECT_EQ(language_words().find("казахский"), "kk");
    EXPECT_EQ(language_words().find("ОРЫС"), "ru");
    EXPECT_EQ(language_words().find("русский"), "ru");
    EXPECT_EQ(language_words().find("ағылшын"), "en");
    EXPECT_EQ(language_words().find("неміс"), std::nullopt);
}

}  // namespace
}  // namespace kitap::core
