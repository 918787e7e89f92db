#include "core/import/csv.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

using Fields = std::vector<std::string>;

CsvTable parsed(std::string_view text) {
    auto table = parse_csv(text);
    EXPECT_TRUE(table) << "line " << table.error().line << ": " << table.error().reason;
    return table ? std::move(*table) : CsvTable{'?', {}};
}

std::vector<std::size_t> lines_of(const CsvTable& table) {
    std::vector<std::size_t> lines;
    for (const auto& record : table.records) lines.push_back(record.line);
    return lines;
}

TEST(CsvSeparator, CommaFromTheHeader) {
    const auto table = parsed("Аты-жөні,Сынып,Тілі\nӘлия Қасымова,5Ә,kk\n");
    EXPECT_EQ(table.separator, ',');
    ASSERT_EQ(table.records.size(), 2u);
    EXPECT_EQ(table.records[1].fields, (Fields{"Әлия Қасымова", "5Ә", "kk"}));
}

TEST(CsvSeparator, SemicolonFromRussianExcel) {
    const auto table = parsed("ФИО;Класс\r\nИванова, Мария;5А\r\n");
    EXPECT_EQ(table.separator, ';');
    EXPECT_EQ(table.records[1].fields, (Fields{"Иванова, Мария", "5А"}));
}

TEST(CsvSeparator, TabFromUnicodeText) {
    const auto table = parsed("Аты-жөні\tСынып\r\nҚасымова; Әлия\t5Ә\r\n");
    EXPECT_EQ(table.separator, '\t');
    EXPECT_EQ(table.records[1].fields, (Fields{"Қасымова; Әлия", "5Ә"}));
}

TEST(CsvSeparator, OnlyTheHeaderCounts) {
    const auto table = parsed("Аты-жөні;Сынып\nа,б,в,г;5Ә\n");
    EXPECT_EQ(table.separator, ';');
    EXPECT_EQ(table.records[1].fields, (Fields{"а,б,в,г", "5Ә"}));
}

TEST(CsvSeparator, TiesPreferTabThenSemicolonThenComma) {
    EXPECT_EQ(parsed("a\tb;c,d").separator, '\t');
    EXPECT_EQ(parsed("a;b,c").separator, ';');
    EXPECT_EQ(parsed("a,b,c;d").separator, ',');
}

TEST(CsvSeparator, FromTheFirstLineThatHasOneCommaWhenNoneHas) {
    EXPECT_EQ(parsed("Список учащихся 5Ә класса\n\nФИО;Класс\nӘлия;5Ә\n").separator, ';');
    EXPECT_EQ(parsed("Аты-жөні\nӘлия\n").separator, ',');
    EXPECT_EQ(parsed("").separator, ',');
}

TEST(CsvSeparator, QuotedSeparatorsDoNotCount) {
    const auto table = parsed("\"Аты;жөні;толық\",Сынып,Тілі\n");
    EXPECT_EQ(table.separator, ',');
    EXPECT_EQ(table.records[0].fields, (Fields{"Аты;жөні;толық", "Сынып", "Тілі"}));
}

TEST(CsvSeparator, EmptyLinesBeforeTheHeaderAreSkipped) {
    const auto table = parsed("\r\n\nАты-жөні;Сынып\nӘлия;5Ә\n");
    EXPECT_EQ(table.separator, ';');
    EXPECT_EQ(lines_of(table), (std::vector<std::size_t>{3, 4}));
}

TEST(CsvFields, QuotedFieldHoldsTheSeparator) {
    const auto table = parsed("Аты-жөні;Сынып\n\"Қасымова; Әлия\";5Ә\n");
    EXPECT_EQ(table.records[1].fields, (Fields{"Қасымова; Әлия", "5Ә"}));
}

TEST(CsvFields, DoubledQuotesAreOneQuote) {
    const auto table = parsed("Атауы,Авторы\n\"Абай \"\"жолы\"\"\",Мұхтар Әуезов\n\"\"\"\",\"\"\n");
    EXPECT_EQ(table.records[1].fields, (Fields{"Абай \"жолы\"", "Мұхтар Әуезов"}));
    EXPECT_EQ(table.records[2].fields, (Fields{"\"", ""}));
}

TEST(CsvFields, UnquotedAreTrimmedQuotedAreKept) {
    const auto table = parsed("a;b;c\n  Әлия \xC2\xA0; \" Қасымова \" ;\t5Ә\t\n");
    EXPECT_EQ(table.records[1].fields, (Fields{"Әлия", " Қасымова ", "5Ә"}));
}

TEST(CsvFields, EmptyFieldsAndTrailingSeparator) {
    const auto table = parsed("a,b,c,d\nӘлия,,5Ә,\n");
    EXPECT_EQ(table.records[1].fields, (Fields{"Әлия", "", "5Ә", ""}));
}

TEST(CsvFields, LineOfOnlySeparatorsIsKept) {
    const auto table = parsed("a;b;c\n;;\nӘлия;5Ә;kk\n");
    ASSERT_EQ(table.records.size(), 3u);
    EXPECT_EQ(table.records[1].fields, (Fields{"", "", ""}));
    EXPECT_EQ(table.records[1].line, 2u);
}

TEST(CsvFields, LineOfSpacesIsARecordOfOneEmptyField) {
    const auto table = parsed("a;b\n   \nӘлия;5Ә\n");
    ASSERT_EQ(table.records.size(), 3u);
    EXPECT_EQ(table.records[1].fields, (Fields{""}));
}

TEST(CsvLines, CrlfAndLfEndsAndNoRecordAfterTheLastLineEnd) {
    EXPECT_EQ(lines_of(parsed("a,b\r\nӘ,Қ\r\n")), (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(lines_of(parsed("a,b\nӘ,Қ\n")), (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(lines_of(parsed("a,b\r\nӘ,Қ")), (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(parsed("a,b\r\nӘ,Қ\r\n").records[1].fields, (Fields{"Ә", "Қ"}));
}

TEST(CsvLines, EmptyLinesAreSkippedButCounted) {
    const auto table = parsed("Аты-жөні;Сынып\n\n\r\nӘлия;5Ә\r\n\r\n\nҒалым;11Ұ\n\n");
    EXPECT_EQ(lines_of(table), (std::vector<std::size_t>{1, 4, 7}));
}

TEST(CsvLines, LineEndsInsideQuotesAreKeptAndCounted) {
    const auto table = parsed(
        "Атауы;Ескерту\r\n"                              // 1
        "Абай жолы;\"бірінші том\r\nекінші том\"\r\n"    // 2-3
        "\"Қан\nмен тер\";\"\"\"жаңа\"\"\r\n\r\n\"\r\n"  // 4-7
        "Көшпенділер;жоқ\r\n");                          // 8
    ASSERT_EQ(table.records.size(), 4u);
    EXPECT_EQ(lines_of(table), (std::vector<std::size_t>{1, 2, 4, 8}));
    EXPECT_EQ(table.records[1].fields, (Fields{"Абай жолы", "бірінші том\r\nекінші том"}));
    EXPECT_EQ(table.records[2].fields, (Fields{"Қан\nмен тер", "\"жаңа\"\r\n\r\n"}));
    EXPECT_EQ(table.records[3].fields, (Fields{"Көшпенділер", "жоқ"}));
}

TEST(CsvErrors, UnterminatedQuoteNamesTheLineItStartedOn) {
    const auto table = parse_csv("Аты-жөні;Сынып\nӘлия;5Ә\n\"Қасымова;5Ә\nҒалым;11Ұ\n");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().line, 3u);
    EXPECT_NE(table.error().reason.find("unterminated quote"), std::string::npos);
    EXPECT_NE(table.error().reason.find("line 3"), std::string::npos);
}

TEST(CsvErrors, TextAfterAClosingQuote) {
    const auto table = parse_csv("Атауы,Авторы\n\"Абай\n\" жолы,Әуезов\n");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().line, 3u);  // where the stray text is
    EXPECT_NE(table.error().reason.find("after a closing quote"), std::string::npos);
}

TEST(CsvErrors, EmptyFileHasNoRecords) {
    EXPECT_TRUE(parsed("").records.empty());
    EXPECT_TRUE(parsed("\r\n\n").records.empty());
}

}  // namespace
}  // namespace kitap::core
