#include "devices/io/line_splitter.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

using Lines = std::vector<std::string>;

TEST(LineSplitter, CutsAtCrLfAndCrLf) {
    LineSplitter splitter;
    EXPECT_EQ(splitter.feed("one\ntwo\r\nthree\rfour"), (Lines{"one", "two", "three"}));
    EXPECT_EQ(splitter.finish(), "four");
    EXPECT_EQ(splitter.finish(), std::nullopt);
}

TEST(LineSplitter, JoinsLinesSplitAcrossReads) {
    LineSplitter splitter;
    EXPECT_TRUE(splitter.feed("97860").empty());
    EXPECT_TRUE(splitter.feed("10000018").empty());
    EXPECT_EQ(splitter.feed("\r\n"), (Lines{"9786010000018"}));
}

TEST(LineSplitter, DropsEmptyAndOverlongLines) {
    LineSplitter splitter(5);
    EXPECT_EQ(splitter.feed("\n\r\n12345\n123456\nok\n"), (Lines{"12345", "ok"}));
    EXPECT_TRUE(splitter.feed("1234567").empty());
    EXPECT_EQ(splitter.finish(), std::nullopt);
}

TEST(LineSplitter, ForgetsHalfALineOnReset) {
    LineSplitter splitter;
    splitter.feed("half");
    splitter.reset();
    EXPECT_EQ(splitter.feed("whole\n"), (Lines{"whole"}));
}

}  // namespace
}  // namespace kitap::devices
