#include "kiosk/workbook/workbook.hpp"

#include "kiosk/workbook/support/workbook_files.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>

namespace kitap::workbook {
namespace {

using kitap::testing::handmade_ods;
using kitap::testing::handmade_xlsx;
using kitap::testing::XlsxWriter;
using kitap::testing::zip_of;
using ::testing::ElementsAre;

// "3: 1 | Әбілқайырұлы Әлихан | 20000014": a sheet's rows as one line each.
std::vector<std::string> rows_of(const core::SourceSheet& sheet) {
    std::vector<std::string> rows;
    for (const auto& row : sheet.rows) {
        auto line = std::to_string(row.line) + ":";
        for (std::size_t i = 0; i < row.fields.size(); ++i) line += (i ? " | " : " ") + row.fields[i];
        rows.push_back(line);
    }
    return rows;
}

core::SourceTable read_ok(std::string_view bytes, const WorkbookLimits& limits = {}) {
    auto table = read_workbook(bytes, limits);
    EXPECT_TRUE(table) << (table ? "" : table.error().key);
    return table ? *table : core::SourceTable{};
}

std::string refusal(std::string_view bytes, const WorkbookLimits& limits = {}) {
    const auto table = read_workbook(bytes, limits);
    return table ? "read" : table.error().key;
}

// A class list as an office exports it from Excel: a merged title, a header with a
// "№" column, number-typed cards, dates of birth, blank formatted rows and a signature.
std::string class_lists_xlsx() {
    XlsxWriter writer;
    lxw_format* date = workbook_add_format(writer.workbook());
    format_set_num_format(date, "dd.mm.yyyy");
    lxw_format* bordered = workbook_add_format(writer.workbook());
    format_set_border(bordered, LXW_BORDER_THIN);
    const struct {
        const char* name;
        std::vector<std::pair<const char*, double>> pupils;
    } classes[] = {{"5Ә", {{"Әбілқайырұлы Әлихан", 20000014}, {"Қасымова Ғалия", 20000022}}},
                   {"5Б", {{"Өмірзақов Ұлан", 20000030}}}};
    for (const auto& school_class : classes) {
        auto* sheet = writer.sheet(school_class.name);
        const auto title = std::string("Список учащихся ") + school_class.name + " класса на 2026-2027 уч. год";
        worksheet_merge_range(sheet, 0, 0, 0, 3, title.c_str(), nullptr);
        const char* headers[] = {"№", "ФИО", "Номер карты", "Дата рождения"};
        for (lxw_col_t column = 0; column < 4; ++column)
            worksheet_write_string(sheet, 2, column, headers[column], nullptr);
        lxw_row_t row = 3;
        for (const auto& [name, card] : school_class.pupils) {
            worksheet_write_number(sheet, row, 0, row - 2, nullptr);
            worksheet_write_string(sheet, row, 1, name, nullptr);
            worksheet_write_number(sheet, row, 2, card, nullptr);
            lxw_datetime born{2015, 3, 12, 0, 0, 0};
            worksheet_write_datetime(sheet, row, 3, &born, date);
            ++row;
        }
        for (lxw_row_t blank = row; blank < row + 3; ++blank) worksheet_write_blank(sheet, blank, 1, bordered);
        worksheet_write_string(sheet, row + 4, 0, "Классный руководитель: Иванова А.А.", nullptr);
    }
    return writer.bytes();
}

TEST(ReadWorkbook, XlsxFromExcelKeepsKazakhTextCardsAsTypedAndDates) {
    const auto table = read_ok(class_lists_xlsx());
    ASSERT_EQ(table.sheets.size(), 2u);
    EXPECT_EQ(table.sheets[0].name, "5Ә");
    EXPECT_THAT(
        rows_of(table.sheets[0]),
        ElementsAre("1: Список учащихся 5Ә класса на 2026-2027 уч. год", "3: № | ФИО | Номер карты | Дата рождения",
                    "4: 1 | Әбілқайырұлы Әлихан | 20000014 | 2015-03-12",
                    "5: 2 | Қасымова Ғалия | 20000022 | 2015-03-12", "10: Классный руководитель: Иванова А.А."));
    EXPECT_EQ(table.sheets[1].name, "5Б");
    EXPECT_THAT(rows_of(table.sheets[1])[2], "4: 1 | Өмірзақов Ұлан | 20000030 | 2015-03-12");
}

TEST(ReadWorkbook, XlsxAsOtherProgramsWriteIt) {
    const std::string shared =
        R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<si><t>ФИО</t></si>)"
        R"(<si><r><t>Қасым</t></r><r><t xml:space="preserve">ова Ғалия</t></r><rPh><t>カ</t></rPh></si>)"
        R"(</sst>)";
    const std::string styles = R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
                               R"(<numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>)"
                               R"(<cellStyleXfs><xf numFmtId="164"/></cellStyleXfs>)"
                               R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>)";
    const std::string sheet =
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Карта</t></is></c></row>)"
        R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2"><v>2.0000014E7</v></c>)"
        R"(<c r="D2" s="1"><v>40613</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="str"><f>A2</f><v>x</v></c></row>)"
        R"(<row><c><v>1500.5</v></c><c t="e"><v>#N/A</v></c></row>)";
    const auto table = read_ok(handmade_xlsx({{"Лист1", sheet}}, shared, styles, true));
    ASSERT_EQ(table.sheets.size(), 1u);
    EXPECT_THAT(rows_of(table.sheets[0]),
                ElementsAre("1: ФИО |  | Карта", "2: Қасымова Ғалия |  | 20000014 | 2015-03-12 | TRUE | x",
                            "3: 1500.5 | #N/A"));
}

TEST(ReadWorkbook, OdsWithRepeatsDatesAndAMillionEmptyRows) {
    const std::string sheet =
        R"(<table:table table:name="5Ә">)"
        R"(<table:table-row><table:table-cell table:number-columns-spanned="3"><text:p>Список <text:span>5Ә</text:span> класса</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>)"
        R"(<table:table-row><table:table-cell><text:p>ФИО</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>Карта</text:p></table:table-cell></table:table-row>)"
        R"(<table:table-row><table:table-cell office:value-type="string"><text:p>Әлия<text:s text:c="2"/>Қ.</text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell>)"
        R"(<table:table-cell office:value-type="date" office:date-value="2015-03-12"><text:p>12.03.15</text:p></table:table-cell>)"
        R"(<table:table-cell table:number-columns-repeated="1"/><table:table-cell office:value-type="float" office:value="20000014"><text:p>2,0E+07</text:p></table:table-cell></table:table-row>)"
        R"(<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>)"
        R"(</table:table><table:table table:name="Пустой"/>)";
    const auto table = read_ok(handmade_ods(sheet));
    ASSERT_EQ(table.sheets.size(), 2u);
    EXPECT_EQ(table.sheets[0].name, "5Ә");
    EXPECT_THAT(rows_of(table.sheets[0]),
                ElementsAre("1: Список 5Ә класса", "2: ФИО |  |  | Карта", "3: Әлия  Қ. | 2015-03-12 |  | 20000014"));
    EXPECT_TRUE(table.sheets[1].rows.empty());
}

TEST(ReadWorkbook, XlsFromAnOfficeWithFreexl) {
    const auto table = read_ok(kitap::testing::file_bytes(KITAP_WORKBOOK_FIXTURES "/rosters.xls"));
    ASSERT_EQ(table.sheets.size(), 2u);
    EXPECT_EQ(table.sheets[0].name, "5Ә");
    EXPECT_THAT(
        rows_of(table.sheets[0]),
        ElementsAre("1: Список учащихся 5Ә класса на 2026-2027 уч. год", "3: № | ФИО | Номер карты | Дата рождения",
                    "4: 1 | Әбілқайырұлы Әлихан | 20000014 | 2015-03-12",
                    "5: 2 | Қасымова Ғалия | 20000022 | 2015-05-01", "7: Классный руководитель: Иванова А.А."));
    EXPECT_EQ(table.sheets[1].name, "5Б");
}

TEST(DetectFormat, TellsWorkbooksByTheirBytesNotTheirNames) {
    EXPECT_EQ(detect_format(class_lists_xlsx()), FileFormat::zip);
    EXPECT_EQ(detect_format(kitap::testing::file_bytes(KITAP_WORKBOOK_FIXTURES "/rosters.xls")), FileFormat::ole2);
    EXPECT_EQ(detect_format("ФИО;Класс\n"), FileFormat::text);
    EXPECT_EQ(detect_format("PK"), FileFormat::text);
}

// ---- Untrusted workbooks --------------------------------------------------

TEST(ReadWorkbook, ZipBombRefusedByItsDeclaredSize) {
    const auto bomb = handmade_xlsx({{"Лист1", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" +
                                                   std::string(8u << 20, ' ') + "</t></is></c></row>"}});
    EXPECT_LT(bomb.size(), 64u << 10);
    EXPECT_EQ(refusal(bomb, {.uncompressed_bytes = 1u << 20}), "import.error.workbook_too_large");
}

// Sizes in the zip's headers can lie: the bytes inflated are counted as they come.
TEST(ReadWorkbook, ZipBombWithLyingSizesRefusedWhileInflating) {
    auto bomb = zip_of({{"[Content_Types].xml", "<Types/>"},
                        {"xl/workbook.xml", std::string(8u << 20, ' ') + "<workbook/>"},
                        {"xl/_rels/workbook.xml.rels", "<Relationships/>"}});
    // Each header's uncompressed size of the big entry (the only one over 1 MiB) becomes 100.
    const std::uint32_t small = 100;
    for (const auto& [signature, offset] :
         {std::pair{std::string_view("PK\x03\x04"), 22}, std::pair{std::string_view("PK\x01\x02"), 24}})
        for (auto at = bomb.find(signature); at != std::string::npos; at = bomb.find(signature, at + 4)) {
            std::uint32_t size = 0;
            std::memcpy(&size, bomb.data() + at + offset, 4);
            if (size > (1u << 20)) std::memcpy(bomb.data() + at + offset, &small, 4);
        }
    EXPECT_EQ(refusal(bomb, {.uncompressed_bytes = 1u << 20}), "import.error.workbook_too_large");
}

TEST(ReadWorkbook, TruncatedWorkbooksAreBroken) {
    const auto xlsx = class_lists_xlsx();
    EXPECT_EQ(refusal(xlsx.substr(0, xlsx.size() / 2)), "import.error.workbook_broken");
    EXPECT_EQ(refusal(xlsx.substr(0, xlsx.size() - 10)), "import.error.workbook_broken");
    const auto xls = kitap::testing::file_bytes(KITAP_WORKBOOK_FIXTURES "/rosters.xls");
    EXPECT_EQ(refusal(xls.substr(0, xls.size() / 2)), "import.error.workbook_broken");
    EXPECT_EQ(refusal(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)), "import.error.workbook_broken");
}

TEST(ReadWorkbook, PasswordProtectedWorkbooksAreEncrypted) {
    // Excel saves a workbook with a password as an OLE2 file holding an "EncryptedPackage" stream.
    std::string encrypted("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    encrypted += std::string(504, '\0');
    for (const char c : std::string_view("EncryptedPackage")) encrypted += std::string{c, '\0'};
    EXPECT_EQ(refusal(encrypted), "import.error.workbook_encrypted");
}

TEST(ReadWorkbook, DocumentTypesAndMalformedXmlAreRefused) {
    const std::string laughs =
        R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><workbook>&lol2;</workbook>)";
    EXPECT_EQ(refusal(zip_of({{"[Content_Types].xml", "<Types/>"},
                              {"xl/workbook.xml", laughs},
                              {"xl/_rels/workbook.xml.rels", "<Relationships/>"}})),
              "import.error.workbook_broken");
    EXPECT_EQ(refusal(handmade_xlsx({{"Лист1", "<row><c><v>1</v></row>"}})), "import.error.workbook_broken");
    EXPECT_EQ(refusal(handmade_xlsx({{"Лист1", R"(<row><c t="s"><v>7</v></c></row>)"}})),
              "import.error.workbook_broken");
    EXPECT_EQ(refusal(zip_of({{"readme.txt", "hello"}})), "import.error.workbook_unknown");
}

TEST(ReadWorkbook, LimitsOnSheetsRowsColumnsAndCells) {
    const std::string one_cell = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Әлия</t></is></c></row>)";
    EXPECT_EQ(refusal(handmade_xlsx({{"1", one_cell}, {"2", one_cell}, {"3", one_cell}}), {.sheets = 2}),
              "import.error.workbook_limit");
    EXPECT_EQ(refusal(handmade_xlsx({{"1", one_cell + R"(<row r="2"><c r="A2"><v>1</v></c></row>)"}}), {.rows = 1}),
              "import.error.workbook_limit");
    EXPECT_EQ(refusal(handmade_xlsx({{"1", R"(<row r="1"><c r="XFD1"><v>1</v></c></row>)"}})),
              "import.error.workbook_limit");
    EXPECT_EQ(refusal(handmade_xlsx({{"1", one_cell}}), {.cell_bytes = 4}), "import.error.workbook_limit");
    EXPECT_EQ(
        refusal(handmade_ods(
                    R"(<table:table table:name="1"><table:table-row table:number-rows-repeated="100000">)"
                    R"(<table:table-cell table:number-columns-repeated="1000"><text:p>x</text:p></table:table-cell>)"
                    R"(</table:table-row></table:table>)"),
                {.cells = 100'000}),
        "import.error.workbook_limit");
    EXPECT_EQ(refusal(std::string("PK\x03\x04", 4) + std::string(100, 'x'), {.input_bytes = 50}),
              "import.error.workbook_too_large");
}

}  // namespace
}  // namespace kitap::workbook
