// The limits and checks every import applies before reading a row
// (core/import/cell_checks.hpp, core/import/import_limits.hpp), seen through the
// importers that use them.
#include "core/import/cell_checks.hpp"

#include "core/import/catalog_import.hpp"
#include "core/import/import_limits.hpp"
#include "core/import/import_test_support.hpp"
#include "core/import/reader_import.hpp"
#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kitap::core {
namespace {

using testing::described;
using Lines = std::vector<std::string>;
namespace limits = import_limits;

class CellChecks : public ::testing::Test {
protected:
    ImportResult readers(std::string_view bytes) {
        return import_readers(temp_.db(), bytes, {.school_year = "2026-2027", .now = {}});
    }
    ImportResult catalog(std::string_view bytes) { return import_catalog(temp_.db(), bytes, {.now = {}}); }
    int count(const char* sql) { return temp_.db().execAndGet(sql).getInt(); }

    testing::TempDatabase temp_;
};

TEST_F(CellChecks, AnEscapeSequenceInANameIsRefusedNamingTheField) {
    const auto result = readers("ФИО;Класс;Карта\nҚасымова Әлия;5Ә;20000016\n\"Evil\x1b]2;pwned\x07\";5Ә;20000024\n");
    EXPECT_EQ(described(result), (Lines{"line 3: import.error.control_character code=U+001B column=name"}));
    EXPECT_EQ(count("SELECT count(*) FROM reader"), 0) << "nothing of the file is written";
}

TEST_F(CellChecks, BidiOverridesC1AndDelAreRefusedTabsAndLineBreaksInACellAreNot) {
    const auto result = catalog(
        "title;authors;publisher\n"
        "\xe2\x80\xae"
        "txt.exe;Абай;Мектеп\n"
        "Абай жолы;Абай\xc2\x9b;Мектеп\x7f\n"
        "\"Қара сөздер,\nбірінші бөлім\";\"Абай\tҚұнанбайұлы\";Атамұра\n");
    EXPECT_EQ(described(result), (Lines{"line 2: import.error.control_character code=U+202E column=title",
                                        "line 3: import.error.control_character code=U+009B column=authors",
                                        "line 3: import.error.control_character code=U+007F column=publisher"}));
}

TEST_F(CellChecks, AColumnTheImporterIgnoresIsNotJudged) {
    EXPECT_TRUE(readers("ФИО;Класс;Заметка\nҚасымова Әлия;5Ә;\x1b[31mred\n").ok());
}

TEST_F(CellChecks, AHugeNameIsRefusedWithItsLengthAndTheLimit) {
    const std::string name(5'000'000, 'A');
    const auto result = readers("ФИО;Класс\n" + name + ";5Ә\n");
    EXPECT_EQ(described(result), (Lines{"line 2: import.error.too_long column=name length=5 000 000 max=200"}));
}

TEST_F(CellChecks, EachColumnHasItsLimitInCharactersNotBytes) {
    std::string title;  // "Ә" is two bytes, one character
    for (std::size_t i = 0; i < limits::max_title_chars; ++i) title += "Ә";
    EXPECT_TRUE(catalog("title;kind\n" + title + ";fiction\n").ok());
    const auto result = catalog("title;kind;publisher\n" + title + "Ә;fiction;" + std::string(1001, 'M') + "\n");
    EXPECT_EQ(described(result), (Lines{"line 2: import.error.too_long column=title length=501 max=500",
                                        "line 2: import.error.too_long column=publisher length=1 001 max=1 000"}));
}

TEST_F(CellChecks, AFileOverTheLimitIsRefusedBeforeItIsRead) {
    const std::string file(limits::max_file_bytes + 1, '\n');
    EXPECT_EQ(described(readers(file)),
              (Lines{"line 1: import.error.file_too_large max=20 971 520 max_mb=20 size=20 971 521"}));
}

TEST_F(CellChecks, TooManyColumnsAreRefusedOnTheirLine) {
    std::string wide = "ФИО;Класс\nҚасымова Әлия;5Ә\n";
    for (std::size_t i = 0; i <= limits::max_columns; ++i) wide += "x;";
    EXPECT_EQ(described(readers(wide + "\n")), (Lines{"line 3: import.error.too_many_columns max=100"}));
}

TEST_F(CellChecks, TooManyRowsAreRefused) {
    std::string roster = "ФИО;Класс\n";
    for (std::size_t i = 0; i <= limits::max_rows; ++i) roster += "Ә;5Ә\n";
    EXPECT_EQ(described(readers(roster)), (Lines{"line 100002: import.error.too_many_rows max=100 000"}));
}

TEST_F(CellChecks, TooManyCellsInAllAreRefused) {
    // Short rows of empty cells, each within the column limit: a file of separators.
    const std::string row = std::string(limits::max_columns - 1, ';') + "\n";
    std::string file = "ФИО" + row;
    while (file.size() < limits::max_cells + 2 * row.size()) file += row;
    const auto problems = described(readers(file));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].substr(problems[0].find(':')), ": import.error.too_many_cells max=2 000 000");
}

}  // namespace
}  // namespace kitap::core
