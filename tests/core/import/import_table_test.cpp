#include "core/import/import_table.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace kitap::core {
namespace {

using ::testing::ElementsAre;

const ImportColumns test_columns{
    .headers = {{"name", {"name", "фио", "аты-жөні"}}, {"class", {"class", "класс", "сынып"}}, {"card", {"карта"}}},
    .required = {"name"},
};

struct Read {
    tl::expected<std::vector<ImportTable>, std::vector<ImportProblem>> tables;
    std::vector<ImportProblem> notes;
};

Read read_text(std::string_view text, const SheetChoice& choice = {}) {
    Read read;
    auto source = read_text_table(text);
    if (!source) {
        read.tables = tl::unexpected(source.error());
        return read;
    }
    read.tables = read_import_tables(std::move(*source), test_columns, choice, read.notes);
    return read;
}

Read read_sheets(SourceTable source, const SheetChoice& choice = {}) {
    Read read;
    read.tables = read_import_tables(std::move(source), test_columns, choice, read.notes);
    return read;
}

// "3: Әлия": the data rows by their line and name.
std::vector<std::string> names(const ImportTable& table) {
    std::vector<std::string> rows;
    for (const auto& row : table.rows)
        rows.push_back(std::to_string(row.line) + ": " + table.columns.cell(row, "name"));
    return rows;
}

// "Лист:1 import.note.ignored text=...": notes and problems as one line each.
std::vector<std::string> described(const std::vector<ImportProblem>& problems) {
    std::vector<std::string> lines;
    for (const auto& problem : problems) {
        auto line = problem.sheet + ":" + std::to_string(problem.line) + " " + problem.key;
        for (const auto& [name, value] : problem.args) line += " " + name + "=" + value;
        lines.push_back(line);
    }
    return lines;
}

TEST(ReadImportTables, HeaderFoundAndEmptyRowsLeftOut) {
    const auto read = read_text("Аты-жөні;Сынып\r\n\r\nӘлия;5Ә\r\n;\r\n ; \r\nЕрасыл;5Ә\r\n");
    ASSERT_TRUE(read.tables);
    ASSERT_EQ(read.tables->size(), 1u);
    EXPECT_THAT(names(read.tables->front()), ElementsAre("3: Әлия", "6: Ерасыл"));
    EXPECT_TRUE(read.notes.empty());
}

TEST(ReadImportTables, TheIssuesListTitleAndSignatureIgnoredAndListed) {
    std::ifstream file(KITAP_IMPORT_FIXTURES "/issue_12_title.csv", std::ios::binary);
    const std::string list{std::istreambuf_iterator<char>(file), {}};
    const auto read = read_text(list);
    ASSERT_TRUE(read.tables);
    const auto& table = read.tables->front();
    EXPECT_THAT(names(table), ElementsAre("4: Әбілқайырұлы Әлихан", "5: Қасымова Ғалия"));
    EXPECT_THAT(described(read.notes),
                ElementsAre(":1 import.note.ignored text=Список учащихся 5Ә класса на 2026-2027 уч. год",
                            ":7 import.note.ignored text=Классный руководитель: Иванова А.А."));
    EXPECT_EQ(table.title_class, (ClassName{5, "Ә"}));
    EXPECT_EQ(table.title_class_line, 1u);
}

TEST(ReadImportTables, ASignatureUnderTheNamesAfterABlankRowIsNoPupil) {
    const auto read = read_text("ФИО\nӘлия\nЕрасыл\n\nСынып жетекшісі: Иванова А.А.\nИтого: 2\n");
    ASSERT_TRUE(read.tables);
    EXPECT_THAT(names(read.tables->front()), ElementsAre("2: Әлия", "3: Ерасыл"));
    EXPECT_THAT(described(read.notes), ElementsAre(":5 import.note.ignored text=Сынып жетекшісі: Иванова А.А.",
                                                   ":6 import.note.ignored text=Итого: 2"));
}

// A workbook leaves empty rows out: a gap in the row numbers is a blank row.
TEST(ReadImportTables, ASignatureAfterAGapInAWorkbooksRows) {
    const auto signed_list = read_sheets(
        SourceTable{{{"5Ә", {{1, {"ФИО"}}, {2, {"Әлия"}}, {3, {"Ерасыл"}}, {5, {"Сынып жетекшісі: Иванова А.А."}}}}}});
    ASSERT_TRUE(signed_list.tables);
    EXPECT_THAT(names(signed_list.tables->front()), ElementsAre("2: Әлия", "3: Ерасыл"));
    EXPECT_THAT(described(signed_list.notes),
                ElementsAre("5Ә:5 import.note.ignored text=Сынып жетекшісі: Иванова А.А."));

    const auto spaced_list =
        read_sheets(SourceTable{{{"5Ә", {{1, {"ФИО"}}, {3, {"Әлия"}}, {4, {"Ерасыл"}}, {6, {"Дана"}}}}}});
    ASSERT_TRUE(spaced_list.tables);
    EXPECT_THAT(names(spaced_list.tables->front()), ElementsAre("3: Әлия", "4: Ерасыл"))
        << "a one-cell row after the last gap is taken for a signature";
}

TEST(ReadImportTables, ARowWithANameMissingButOtherCellsIsStillData) {
    const auto read = read_text("№;ФИО;Класс\n1;Әлия;5Ә\n2;;5Ә\n");
    ASSERT_TRUE(read.tables);
    EXPECT_THAT(names(read.tables->front()), ElementsAre("2: Әлия", "3: "));
    EXPECT_TRUE(read.notes.empty());
}

TEST(ReadImportTables, NoHeaderInTheFirst20RowsNamesTheFirstRow) {
    std::string text = "Список\n";
    for (int i = 0; i < 20; ++i) text += "строка " + std::to_string(i) + "\n";
    text += "ФИО\nӘлия\n";
    const auto read = read_text(text);
    ASSERT_FALSE(read.tables);
    EXPECT_THAT(described(read.tables.error()), ElementsAre(":1 import.error.missing_column column=name"));
}

TEST(ReadImportTables, EmptyFileUndecodableLinesAndCsvErrors) {
    EXPECT_THAT(described(read_text("").tables.error()), ElementsAre(":1 import.error.empty_file"));
    EXPECT_THAT(described(read_text(";;\n ; \n").tables.error()), ElementsAre(":1 import.error.empty_file"));
    const auto broken = read_text("Аты-жөні\nӘлия\n\xFF\xFE\xFD Ерасыл\nДана\n\xC3 Қайрат\n");
    ASSERT_FALSE(broken.tables);
    ASSERT_EQ(broken.tables.error().size(), 2u);
    EXPECT_EQ(broken.tables.error()[0].line, 3u);
    EXPECT_EQ(broken.tables.error()[1].line, 5u);
    EXPECT_EQ(broken.tables.error()[0].key, "import.error.undecodable");
    const auto unclosed = read_text("Аты-жөні\n\"Әлия\n");
    ASSERT_FALSE(unclosed.tables);
    EXPECT_EQ(unclosed.tables.error()[0].key, "import.error.csv");
    EXPECT_EQ(unclosed.tables.error()[0].line, 2u);
}

SourceTable class_sheets() {
    return SourceTable{{
        {"Титул", {{1, {"Мектеп-гимназия №5"}}}},
        {"5Ә", {{1, {"5 «Ә» сынып"}}, {2, {"№", "Аты-жөні"}}, {3, {"1", "Әлия"}}}},
        {"5Б", {{1, {"№", "Аты-жөні"}}, {2, {"1", "Ерасыл"}}}},
    }};
}

TEST(ReadImportTables, TheFirstSheetWithAHeaderUnlessTold) {
    const auto first = read_sheets(class_sheets());
    ASSERT_TRUE(first.tables);
    ASSERT_EQ(first.tables->size(), 1u);
    EXPECT_EQ(first.tables->front().sheet, "5Ә");
    EXPECT_THAT(described(first.notes),
                ElementsAre("Титул:0 import.note.sheet_skipped", "5Ә:1 import.note.ignored text=5 «Ә» сынып"));

    const auto all = read_sheets(class_sheets(), {.all_sheets = true});
    ASSERT_TRUE(all.tables);
    ASSERT_EQ(all.tables->size(), 2u);
    EXPECT_EQ((*all.tables)[1].sheet, "5Б");
    EXPECT_THAT(names((*all.tables)[1]), ElementsAre("2: Ерасыл"));

    for (const auto* wanted : {"5Б", "5 б", "3"}) {
        const auto named = read_sheets(class_sheets(), {.sheet = wanted});
        ASSERT_TRUE(named.tables) << wanted;
        EXPECT_EQ(named.tables->front().sheet, "5Б") << wanted;
    }
    const auto missing = read_sheets(class_sheets(), {.sheet = "7Г"});
    EXPECT_THAT(described(missing.tables.error()),
                ElementsAre(":0 import.error.no_sheet sheet=7Г sheets=Титул, 5Ә, 5Б"));
    const auto headless = read_sheets(class_sheets(), {.sheet = "Титул"});
    EXPECT_THAT(described(headless.tables.error()), ElementsAre("Титул:1 import.error.missing_column column=name"));
}

TEST(ClassInTitle, TheWaysOfficesWriteAClass) {
    EXPECT_EQ(class_in_title("Список учащихся 5Ә класса на 2026-2027 уч. год"), (ClassName{5, "Ә"}));
    EXPECT_EQ(class_in_title("5 «Ә» сынып оқушылары"), (ClassName{5, "Ә"}));
    EXPECT_EQ(class_in_title("Класс: 5-Ә"), (ClassName{5, "Ә"}));
    EXPECT_EQ(class_in_title("11 А"), (ClassName{11, "А"}));
    EXPECT_EQ(class_in_title("7\"Б\" класс"), (ClassName{7, "Б"}));
    EXPECT_EQ(class_in_title("Школа № 5 Алматы"), std::nullopt);
    EXPECT_EQ(class_in_title("на 2026-2027 уч. год"), std::nullopt);
    EXPECT_EQ(class_in_title("12.03.2015"), std::nullopt);
    EXPECT_EQ(class_in_title("14Б"), std::nullopt);
    EXPECT_EQ(class_in_title(""), std::nullopt);
}

}  // namespace
}  // namespace kitap::core
