// `kitap import` with the files school offices send: lists with title rows and
// signatures, and workbooks (.xlsx, .xls, .ods) with a sheet per class.
#include "kiosk/cli/kitap_process.hpp"
#include "kiosk/workbook/support/workbook_files.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace {

using kitap::testing::XlsxWriter;
using nlohmann::json;

class ImportWorkbookCli : public kitap::testing::KitapProcessTest {
protected:
    void SetUp() override {
        KitapProcessTest::SetUp();
        ASSERT_EQ(kitap({"init"}).exit_code, 0);
    }

    json reader(const std::string& card) { return json::parse(kitap({"reader", card, "--json"}).out); }
    int pupils() { return json::parse(kitap({"stats", "--json"}).out)["readers"]["pupil"].get<int>(); }
};

// Issue 12's list, saved from Excel as it came.
const std::string issue_list = kitap::testing::slurp(KITAP_IMPORT_FIXTURES "/issue_12_title.csv");

TEST_F(ImportWorkbookCli, TheIssuesListImportsAsItCame) {
    write("title.csv", issue_list);
    const auto dry = kitap({"import", "readers", "title.csv", "--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("title.csv:1: ignored: Список учащихся 5Ә класса на 2026-2027 уч. год\n"), std::string::npos)
        << dry.out;
    EXPECT_NE(dry.out.find("title.csv:7: ignored: Классный руководитель: Иванова А.А.\n"), std::string::npos)
        << dry.out;
    EXPECT_NE(dry.out.find("2 rows"), std::string::npos) << dry.out;
    EXPECT_EQ(pupils(), 0);

    const auto run = kitap({"import", "readers", "title.csv"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out.find("ignored"), std::string::npos) << "only a dry run lists them";
    EXPECT_EQ(pupils(), 2);
}

TEST_F(ImportWorkbookCli, ARealRowWithoutANameIsStillAnError) {
    write("title.csv", issue_list + "3;;5Ә;02.02.2015\n");
    const auto run = kitap({"import", "readers", "title.csv"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("title.csv:8: the name is empty"), std::string::npos) << run.err;
    EXPECT_EQ(pupils(), 0);
}

// One sheet per class, no class column, number-typed cards, title and signature.
std::string class_sheets_xlsx() {
    XlsxWriter writer;
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string, double>>>> classes{
        {"5Ә", {{"Әбілқайырұлы Әлихан", 20000014}, {"Қасымова Ғалия", 20000022}}},
        {"5Б", {{"Өмірзақов Ұлан", 20000030}}},
        {"Итого", {}}};
    for (const auto& [name, pupils] : classes) {
        auto* sheet = writer.sheet(name);
        worksheet_merge_range(sheet, 0, 0, 0, 2, ("Список учащихся " + name + " класса").c_str(), nullptr);
        if (pupils.empty()) continue;
        worksheet_write_string(sheet, 2, 0, "№", nullptr);
        worksheet_write_string(sheet, 2, 1, "Аты-жөні", nullptr);
        worksheet_write_string(sheet, 2, 2, "Карта нөмірі", nullptr);
        lxw_row_t row = 3;
        for (const auto& [pupil, card] : pupils) {
            worksheet_write_number(sheet, row, 0, row - 2, nullptr);
            worksheet_write_string(sheet, row, 1, pupil.c_str(), nullptr);
            worksheet_write_number(sheet, row, 2, card, nullptr);
            ++row;
        }
        worksheet_write_string(sheet, row + 1, 1, "Сынып жетекшісі: Иванова А.А.", nullptr);
    }
    return writer.bytes();
}

TEST_F(ImportWorkbookCli, AllSheetsTakeTheirClassFromTheSheetName) {
    write("classes.xlsx", class_sheets_xlsx());
    const auto dry = kitap({"import", "readers", "classes.xlsx", "--all-sheets", "--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("classes.xlsx:5Ә:1: ignored: Список учащихся 5Ә класса"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("classes.xlsx:5Ә:7: ignored: Сынып жетекшісі: Иванова А.А."), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("classes.xlsx:5Б: class 5Б, the sheet's name"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("classes.xlsx:Итого: ignored"), std::string::npos) << dry.out;

    ASSERT_EQ(kitap({"import", "readers", "classes.xlsx", "--all-sheets"}).exit_code, 0);
    EXPECT_EQ(pupils(), 3);
    EXPECT_EQ(reader("20000014")["name"], "Әбілқайырұлы Әлихан");
    EXPECT_EQ(reader("20000014")["class"], "5Ә");
    EXPECT_EQ(reader("20000030")["class"], "5Б");
}

TEST_F(ImportWorkbookCli, OneSheetByNameOrNumber) {
    write("classes.xlsx", class_sheets_xlsx());
    ASSERT_EQ(kitap({"import", "readers", "classes.xlsx", "--sheet", "5Б"}).exit_code, 0);
    EXPECT_EQ(pupils(), 1);
    ASSERT_EQ(kitap({"import", "readers", "classes.xlsx", "--sheet", "1"}).exit_code, 0);
    EXPECT_EQ(pupils(), 3);
    const auto missing = kitap({"import", "readers", "classes.xlsx", "--sheet", "7Г"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("there is no sheet \"7Г\" (the sheets: 5Ә, 5Б, Итого)"), std::string::npos)
        << missing.err;
}

TEST_F(ImportWorkbookCli, WithoutAChoiceTheFirstSheetWithAHeader) {
    XlsxWriter writer;
    worksheet_write_string(writer.sheet("Титул"), 0, 0, "Мектеп №5", nullptr);
    auto* list = writer.sheet("Лист2");
    worksheet_write_string(list, 0, 0, "5 «Ә» сынып оқушыларының тізімі", nullptr);
    const char* headers[] = {"Тегі", "Аты", "Әкесінің аты", "Карта"};
    const char* pupil[] = {"Қасымова", "Ғалия", "Ерланқызы", "20000014"};
    for (lxw_col_t column = 0; column < 4; ++column) {
        worksheet_write_string(list, 1, column, headers[column], nullptr);
        worksheet_write_string(list, 2, column, pupil[column], nullptr);
    }
    write("list.xlsx", writer.bytes());
    const auto dry = kitap({"import", "readers", "list.xlsx", "--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("list.xlsx:Титул: ignored: no header"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("list.xlsx:Лист2:1: class 5Ә, as the title says"), std::string::npos) << dry.out;
    ASSERT_EQ(kitap({"import", "readers", "list.xlsx"}).exit_code, 0);
    EXPECT_EQ(reader("20000014")["name"], "Қасымова Ғалия Ерланқызы");
    EXPECT_EQ(reader("20000014")["class"], "5Ә");
    ASSERT_EQ(kitap({"import", "readers", "list.xlsx", "--class", "6Б"}).exit_code, 0);
    EXPECT_EQ(reader("20000014")["class"], "6Б");
    EXPECT_EQ(kitap({"import", "readers", "list.xlsx", "--class", "Б6"}).exit_code, 2);
}

TEST_F(ImportWorkbookCli, XlsAndOdsToo) {
    write("rosters.xls", kitap::testing::file_bytes(KITAP_WORKBOOK_FIXTURES "/rosters.xls"));
    const auto xls = kitap({"import", "readers", "rosters.xls", "--all-sheets"});
    ASSERT_EQ(xls.exit_code, 0) << xls.err;
    EXPECT_EQ(reader("20000022")["name"], "Қасымова Ғалия");
    EXPECT_EQ(reader("20000030")["class"], "5Б");

    write(
        "list.ods",
        kitap::testing::handmade_ods(
            R"(<table:table table:name="Лист1"><table:table-row><table:table-cell><text:p>ФИО</text:p></table:table-cell>)"
            R"(<table:table-cell><text:p>Сынып</text:p></table:table-cell></table:table-row>)"
            R"(<table:table-row><table:table-cell><text:p>Нұрланұлы Ерасыл</text:p></table:table-cell>)"
            R"(<table:table-cell><text:p>7Б</text:p></table:table-cell></table:table-row></table:table>)"));
    ASSERT_EQ(kitap({"import", "readers", "list.ods"}).exit_code, 0);
    EXPECT_EQ(pupils(), 4);
}

TEST_F(ImportWorkbookCli, BrokenWorkbooksChangeNothing) {
    write("classes.xlsx", class_sheets_xlsx());
    const auto whole = kitap::testing::file_bytes(dir_ / "classes.xlsx");
    write("truncated.xlsx", whole.substr(0, whole.size() / 2));
    const auto run = kitap({"import", "readers", "truncated.xlsx", "--all-sheets"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("truncated.xlsx: the workbook cannot be read"), std::string::npos) << run.err;
    EXPECT_EQ(pupils(), 0);
}

TEST_F(ImportWorkbookCli, ErrorsInAWorkbookNameTheSheetAndRow) {
    XlsxWriter writer;
    auto* sheet = writer.sheet("5Ә");
    worksheet_write_string(sheet, 0, 0, "ФИО", nullptr);
    worksheet_write_string(sheet, 0, 1, "Карта", nullptr);
    worksheet_write_string(sheet, 1, 0, "Әлия", nullptr);
    worksheet_write_number(sheet, 1, 1, 20000014, nullptr);
    worksheet_write_number(sheet, 2, 1, 20000022, nullptr);
    write("list.xlsx", writer.bytes());
    const auto run = kitap({"import", "readers", "list.xlsx"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("list.xlsx:5Ә:3: the name is empty"), std::string::npos) << run.err;
}

TEST_F(ImportWorkbookCli, CatalogueAndCurriculumFromWorkbooks) {
    XlsxWriter catalogue;
    auto* books = catalogue.sheet("Каталог");
    worksheet_write_string(books, 0, 0, "Кітапхана қоры, 2026 ж.", nullptr);
    const char* headers[] = {"Атауы", "ISBN", "Саны", "Түрі", "Сынып"};
    for (lxw_col_t column = 0; column < 5; ++column) worksheet_write_string(books, 2, column, headers[column], nullptr);
    worksheet_write_string(books, 3, 0, "Математика. 5-сынып. 1-бөлім", nullptr);
    worksheet_write_number(books, 3, 1, 9786010000001, nullptr);
    worksheet_write_number(books, 3, 2, 25, nullptr);
    worksheet_write_string(books, 3, 3, "оқулық", nullptr);
    worksheet_write_number(books, 3, 4, 5, nullptr);
    worksheet_write_string(books, 5, 0, "Кітапханашы: Сейітова Г.", nullptr);
    write("catalogue.xlsx", catalogue.bytes());
    const auto catalogued = kitap({"import", "catalog", "catalogue.xlsx"});
    ASSERT_EQ(catalogued.exit_code, 0) << catalogued.err;

    XlsxWriter plan;
    auto* lines = plan.sheet("Оқу жоспары");
    const char* columns[] = {"Сынып", "Тілі", "ISBN"};
    for (lxw_col_t column = 0; column < 3; ++column) worksheet_write_string(lines, 0, column, columns[column], nullptr);
    worksheet_write_number(lines, 1, 0, 5, nullptr);
    worksheet_write_string(lines, 1, 1, "kk", nullptr);
    worksheet_write_number(lines, 1, 2, 9786010000001, nullptr);
    write("plan.xlsx", plan.bytes());
    const auto planned = kitap({"import", "curriculum", "plan.xlsx"});
    ASSERT_EQ(planned.exit_code, 0) << planned.err;
    const auto shown = json::parse(kitap({"curriculum", "show", "--json"}).out);
    ASSERT_EQ(shown.size(), 1u) << shown.dump();
}

}  // namespace
