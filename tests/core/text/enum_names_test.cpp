#include "core/text/enum_names.hpp"

#include "core/circulation/library_store.hpp"
#include "core/rules.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

enum class Colour { red, green, blue };

constexpr auto colour_names = enum_names<Colour>({
    {Colour::red, "red"},
    {Colour::green, "green"},
});

static_assert(colour_names.name_of(Colour::green) == "green");
static_assert(colour_names.value_of("red") == Colour::red);

TEST(EnumNames, ReadsTheTableBothWays) {
    EXPECT_EQ(colour_names.name_of(Colour::red), "red");
    EXPECT_EQ(colour_names.value_of("green"), Colour::green);
}

TEST(EnumNames, AValueMissingFromTheTableIsAQuestionMark) { EXPECT_EQ(colour_names.name_of(Colour::blue), "?"); }

TEST(EnumNames, AWordNotInTheTableIsNoValue) {
    EXPECT_EQ(colour_names.value_of("blue"), std::nullopt);
    EXPECT_EQ(colour_names.value_of("Red"), std::nullopt);
    EXPECT_EQ(colour_names.value_of(""), std::nullopt);
}

TEST(EnumNames, CoreWordsStayAsPrinted) {
    EXPECT_EQ(to_string(TitleKind::methodical), "methodical");
    EXPECT_EQ(title_kind_from("electronic"), TitleKind::electronic);
    EXPECT_EQ(to_string(ReaderPinPolicy::when_set), "when_set");
    EXPECT_EQ(to_string(Condition::damaged), "damaged");
    EXPECT_EQ(condition_from("lost"), Condition::lost);
    EXPECT_EQ(condition_from("LOST"), std::nullopt);
}

}  // namespace
}  // namespace kitap::core
