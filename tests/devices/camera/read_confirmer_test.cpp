#include "devices/camera/read_confirmer.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

using namespace std::chrono_literals;

const ConfirmedCode isbn{"9786010000018", Symbology::ean13};
const ConfirmedCode label{"40156789", Symbology::codabar};

TEST(ReadConfirmer, AcceptsACheckedCodeAtOnceAndThenIgnoresItWhileInView) {
    ReadConfirmer confirmer;
    const auto t = Clock::now();
    EXPECT_EQ(confirmer.observe(isbn, t), ReadFate::accepted);
    for (int frame = 1; frame < 60; ++frame) EXPECT_EQ(confirmer.observe(isbn, t + frame * 33ms), ReadFate::repeated);
}

TEST(ReadConfirmer, AcceptsItAgainOnceItWasOutOfViewForASecond) {
    ReadConfirmer confirmer;
    const auto t = Clock::now();
    EXPECT_EQ(confirmer.observe(isbn, t), ReadFate::accepted);
    EXPECT_EQ(confirmer.observe(std::nullopt, t + 500ms), ReadFate::none);
    EXPECT_EQ(confirmer.observe(isbn, t + 900ms), ReadFate::repeated);  // a blurred frame or two is not "gone"
    EXPECT_EQ(confirmer.observe(isbn, t + 1950ms), ReadFate::accepted);
}

TEST(ReadConfirmer, WantsTwoIdenticalReadsOfACodeWithoutCheck) {
    ReadConfirmer confirmer;
    const auto t = Clock::now();
    EXPECT_EQ(confirmer.observe(label, t), ReadFate::waiting);
    EXPECT_EQ(confirmer.observe(ConfirmedCode{"40156788", Symbology::codabar}, t + 33ms), ReadFate::waiting);
    EXPECT_EQ(confirmer.observe(label, t + 66ms), ReadFate::accepted);
    EXPECT_EQ(confirmer.observe(label, t + 99ms), ReadFate::repeated);
}

TEST(ReadConfirmer, DoesNotJoinReadsFurtherApartThanTheWindow) {
    ReadConfirmer confirmer({.reads_with_check = 1, .reads_without_check = 2, .window = 500ms, .out_of_view = 1s});
    const auto t = Clock::now();
    EXPECT_EQ(confirmer.observe(label, t), ReadFate::waiting);
    EXPECT_EQ(confirmer.observe(label, t + 600ms), ReadFate::waiting);
    EXPECT_EQ(confirmer.observe(label, t + 700ms), ReadFate::accepted);
}

TEST(ReadConfirmer, CanAskMoreOfEveryCode) {
    ReadConfirmer confirmer({.reads_with_check = 3, .reads_without_check = 3});
    const auto t = Clock::now();
    EXPECT_EQ(confirmer.observe(isbn, t), ReadFate::waiting);
    EXPECT_EQ(confirmer.observe(isbn, t + 33ms), ReadFate::waiting);
    EXPECT_EQ(confirmer.observe(isbn, t + 66ms), ReadFate::accepted);
}

TEST(ReadConfirmer, KeepsCodesApart) {
    ReadConfirmer confirmer;
    const auto t = Clock::now();
    EXPECT_EQ(confirmer.observe(isbn, t), ReadFate::accepted);
    EXPECT_EQ(confirmer.observe(ConfirmedCode{"9786017062217", Symbology::ean13}, t + 33ms), ReadFate::accepted);
    EXPECT_EQ(confirmer.observe(ConfirmedCode{"9786010000018", Symbology::code128}, t + 66ms), ReadFate::accepted);
}

}  // namespace
}  // namespace kitap::devices
