#include "kiosk/workbook/child_reader.hpp"

#include "kiosk/workbook/support/handmade_workbooks.hpp"
#include "kiosk/workbook/workbook.hpp"
#include "kiosk/workbook/workbook_failure.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>

namespace kitap::workbook {
namespace {

std::string refusal_of(const std::function<void(SheetBuilder&)>& read, const WorkbookLimits& limits = {}) {
    core::SourceTable table;
    SheetBuilder sheets(table, limits);
    try {
        read_in_child(read, sheets, limits);
    } catch (const WorkbookFailure& failure) {
        return failure.error.key;
    }
    return "read";
}

TEST(ReadInChild, TheChildsCellsComeBackAsTheyWere) {
    core::SourceTable table;
    const WorkbookLimits limits;
    SheetBuilder sheets(table, limits);
    read_in_child(
        [](SheetBuilder& child) {
            child.start_sheet("5Ә");
            child.set_cell(1, 2, "Қасымова Ғалия");
            child.set_cell(3, 1, "20000014");
            child.start_sheet("");
        },
        sheets, limits);
    ASSERT_EQ(table.sheets.size(), 2u);
    EXPECT_EQ(table.sheets[0].name, "5Ә");
    ASSERT_EQ(table.sheets[0].rows.size(), 2u);
    EXPECT_EQ(table.sheets[0].rows[0].fields, (std::vector<std::string>{"", "Қасымова Ғалия"}));
    EXPECT_EQ(table.sheets[0].rows[1].line, 3u);
    EXPECT_TRUE(table.sheets[1].rows.empty());
}

TEST(ReadInChild, RefusalsAndCrashesStayInTheChild) {
    EXPECT_EQ(refusal_of([](SheetBuilder&) { refuse("import.error.workbook_encrypted"); }),
              "import.error.workbook_encrypted");
    EXPECT_EQ(refusal_of([](SheetBuilder&) { std::raise(SIGSEGV); }), "import.error.workbook_broken");
    EXPECT_EQ(refusal_of([](SheetBuilder&) { std::abort(); }), "import.error.workbook_broken");
    EXPECT_EQ(refusal_of([](SheetBuilder&) { throw std::runtime_error("freexl"); }), "import.error.workbook_broken");
    EXPECT_EQ(refusal_of(
                  [](SheetBuilder& child) {
                      child.start_sheet("1");
                      child.start_sheet("2");
                  },
                  {.sheets = 1}),
              "import.error.workbook_limit");
}

// freexl 1.0.6 reads past a stack buffer on this mutated .xls (found by
// fuzz_xls_reader); in the child, the import only sees a broken workbook.
TEST(ReadWorkbook, AnXlsThatCrashesFreexlIsABrokenWorkbook) {
    const auto table = read_workbook(kitap::testing::file_bytes(KITAP_WORKBOOK_FIXTURES "/freexl_stack_overread.xls"));
    if (!table) EXPECT_EQ(table.error().key, "import.error.workbook_broken");
}

}  // namespace
}  // namespace kitap::workbook
