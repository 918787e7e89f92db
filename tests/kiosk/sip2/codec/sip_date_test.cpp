#include "kiosk/sip2/codec/sip_date.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kitap::sip2 {
namespace {

using namespace std::chrono;

constexpr local_seconds at(year_month_day date, hours h, minutes m, seconds s) { return local_days(date) + h + m + s; }

TEST(SipDateTest, ALocalTimeIsWrittenWithFourSpacesForTheZone) {
    EXPECT_EQ(sip_date(at(2025y / September / 1, 8h, 15min, 0s)), "20250901    081500");
    EXPECT_EQ(sip_date(at(1998y / August / 21, 8h, 57min, 21s)), "19980821    085721");
    EXPECT_EQ(sip_date(at(2024y / December / 31, 23h, 59min, 59s)), "20241231    235959");
    EXPECT_EQ(sip_date(at(2025y / January / 5, 0h, 0min, 0s)), "20250105    000000");
}

TEST(SipDateTest, AYearThatDoesNotFitFourDigitsIsAProgrammingError) {
    EXPECT_THROW(sip_date(at(year{10000} / 1 / 1, 0h, 0min, 0s)), std::logic_error);
    EXPECT_THROW(sip_date(at(year{-1} / 1 / 1, 0h, 0min, 0s)), std::logic_error);
}

TEST(SipDateTest, WhatIsWrittenReadsBack) {
    for (const auto time : {at(2025y / September / 1, 8h, 15min, 0s), at(2024y / February / 29, 12h, 1min, 2s),
                            at(2000y / January / 1, 0h, 0min, 0s), at(9999y / December / 31, 23h, 59min, 59s)})
        EXPECT_EQ(parse_sip_date(sip_date(time)), time);
}

TEST(SipDateTest, AUtcZoneIsReadAsWritten) {
    EXPECT_EQ(parse_sip_date("20250901   Z081500"), at(2025y / September / 1, 8h, 15min, 0s));
}

TEST(SipDateTest, BlanksAreNoDate) {
    EXPECT_EQ(parse_sip_date("                  "), std::nullopt);
    EXPECT_EQ(parse_sip_date(""), std::nullopt);
}

TEST(SipDateTest, AnythingElseIsRefused) {
    EXPECT_EQ(parse_sip_date("20250901    08150"), std::nullopt);    // 17 characters
    EXPECT_EQ(parse_sip_date("20250901    0815000"), std::nullopt);  // 19
    EXPECT_EQ(parse_sip_date("20250901 EST081500"), std::nullopt);   // a zone SIP has no word for
    EXPECT_EQ(parse_sip_date("20250901Z   081500"), std::nullopt);   // Z in the wrong place
    EXPECT_EQ(parse_sip_date("2025090A    081500"), std::nullopt);   // not a digit
    EXPECT_EQ(parse_sip_date("2025-9-1    081500"), std::nullopt);   // a sign is not a digit
    EXPECT_EQ(parse_sip_date("20250230    081500"), std::nullopt);   // 30 February
    EXPECT_EQ(parse_sip_date("20251301    081500"), std::nullopt);   // month 13
    EXPECT_EQ(parse_sip_date("20250900    081500"), std::nullopt);   // day 0
    EXPECT_EQ(parse_sip_date("20250901    240000"), std::nullopt);   // hour 24
    EXPECT_EQ(parse_sip_date("20250901    086000"), std::nullopt);   // minute 60
    EXPECT_EQ(parse_sip_date("20250901    081560"), std::nullopt);   // second 60
    EXPECT_EQ(parse_sip_date("20250901        15"), std::nullopt);   // half blank
}

}  // namespace
}  // namespace kitap::sip2
