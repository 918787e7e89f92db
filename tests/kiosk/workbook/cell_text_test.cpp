#include "kiosk/workbook/cell_text.hpp"

#include <gtest/gtest.h>

namespace kitap::workbook {
namespace {

TEST(NumberText, CardNumbersReadAsTypedWhateverTheStoredForm) {
    EXPECT_EQ(number_text("20000014"), "20000014");
    EXPECT_EQ(number_text("2.0000014E7"), "20000014");
    EXPECT_EQ(number_text("2.0000014e+7"), "20000014");
    EXPECT_EQ(number_text("1500.5"), "1500.5");
    EXPECT_EQ(number_text("-3"), "-3");
    EXPECT_EQ(number_text("0.1"), "0.1");
    EXPECT_EQ(number_text("1E300"), "1e+300");
    EXPECT_EQ(number_text("abc"), std::nullopt);
    EXPECT_EQ(number_text("12abc"), std::nullopt);
    EXPECT_EQ(number_text(""), std::nullopt);
}

TEST(SerialDateText, BothEpochsAndTheLeapDayThatNeverWas) {
    EXPECT_EQ(serial_date_text(42075, false), "2015-03-12");
    EXPECT_EQ(serial_date_text(40613, true), "2015-03-12");
    EXPECT_EQ(serial_date_text(1, false), "1900-01-01");
    EXPECT_EQ(serial_date_text(59, false), "1900-02-28");
    EXPECT_EQ(serial_date_text(61, false), "1900-03-01");
    EXPECT_EQ(serial_date_text(42075.4375, false), "2015-03-12 10:30");
    EXPECT_EQ(serial_date_text(-1, false), std::nullopt);
    EXPECT_EQ(serial_date_text(1e12, false), std::nullopt);
}

TEST(IsDateFormat, BuiltInIdsAndCodesOutsideQuotesAndBrackets) {
    EXPECT_TRUE(is_date_format(14, ""));
    EXPECT_TRUE(is_date_format(164, "dd.mm.yyyy"));
    EXPECT_TRUE(is_date_format(165, "[$-419]d mmmm yyyy"));
    EXPECT_FALSE(is_date_format(0, "General"));
    EXPECT_FALSE(is_date_format(166, "0.00"));
    EXPECT_FALSE(is_date_format(167, "[Red]#,##0\" days\""));
    EXPECT_FALSE(is_date_format(168, "00000000"));
}

TEST(IsoDateText, OpenDocumentDatesAsXlsxOnes) {
    EXPECT_EQ(iso_date_text("2015-03-12"), "2015-03-12");
    EXPECT_EQ(iso_date_text("2015-03-12T00:00:00"), "2015-03-12");
    EXPECT_EQ(iso_date_text("2015-03-12T10:30:00"), "2015-03-12 10:30");
}

}  // namespace
}  // namespace kitap::workbook
