#include "devices/symbology.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

TEST(Symbology, NamesRoundTrip) {
    for (auto symbology : {Symbology::ean13, Symbology::ean8, Symbology::upca, Symbology::upce, Symbology::code128,
                           Symbology::code39, Symbology::code93, Symbology::codabar, Symbology::itf, Symbology::databar,
                           Symbology::qr, Symbology::data_matrix, Symbology::pdf417, Symbology::aztec}) {
        EXPECT_FALSE(to_string(symbology).empty());
        EXPECT_EQ(symbology_from(to_string(symbology)), symbology);
    }
}

TEST(Symbology, UsesTheNamesTheStationExpects) {
    EXPECT_EQ(to_string(Symbology::ean13), "ean13");
    EXPECT_EQ(to_string(Symbology::code128), "code128");
    EXPECT_EQ(to_string(Symbology::unknown), "");
    EXPECT_EQ(symbology_from(""), std::nullopt);
    EXPECT_EQ(symbology_from("EAN-13"), std::nullopt);
}

TEST(Symbology, KnowsWhichCodesCarryNoCheck) {
    EXPECT_FALSE(has_check(Symbology::codabar));
    EXPECT_FALSE(has_check(Symbology::code39));
    EXPECT_FALSE(has_check(Symbology::itf));
    EXPECT_TRUE(has_check(Symbology::ean13));
    EXPECT_TRUE(has_check(Symbology::code128));
    EXPECT_TRUE(has_check(Symbology::qr));
}

}  // namespace
}  // namespace kitap::devices
