#include "core/fund/money.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

TEST(Money, TengeAsLibrariansWriteIt) {
    EXPECT_EQ(tiyn_from_tenge("1500"), 150000);
    EXPECT_EQ(tiyn_from_tenge("1 500,50"), 150050);
    EXPECT_EQ(tiyn_from_tenge("1500.5"), 150050);
    EXPECT_EQ(tiyn_from_tenge("0.05"), 5);
    EXPECT_EQ(tiyn_from_tenge("2\xE2\x80\xAF"
                              "000"),
              200000);
}

TEST(Money, AnythingElseIsNotAPrice) {
    for (const char* text : {"", "-5", "1.234", "12,", "abc", "1e3", ".50"})
        EXPECT_FALSE(tiyn_from_tenge(text).has_value()) << text;
}

TEST(Money, SumsReadInTenge) {
    EXPECT_EQ(tenge_text(150050), "1500.50");
    EXPECT_EQ(tenge_text(5), "0.05");
    EXPECT_EQ(tenge_text(0), "0.00");
    EXPECT_EQ(tenge_text(-150), "-1.50");
}

}  // namespace
}  // namespace kitap::core
