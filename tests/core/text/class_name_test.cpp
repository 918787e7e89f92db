#include "core/text/class_name.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace kitap::core {
namespace {

TEST(ClassName, ReadsTheWaysSchoolsWriteIt) {
    for (const char* text : {"5Ә", "5 ә", "5-Ә", "5 «Ә»"}) {
        const auto parsed = parse_class_name(text);
        ASSERT_TRUE(parsed.name) << text;
        EXPECT_EQ(parsed.name->text(), "5Ә") << text;
    }
    EXPECT_EQ(parse_class_name("11a").name->text(), "11А");  // a Latin lookalike
    EXPECT_EQ(parse_class_name("14А").problem, ClassNameProblem::unknown_grade);
    EXPECT_FALSE(parse_class_name("teachers").name);
}

TEST(ClassName, SchoolOrderFollowsTheKazakhAlphabet) {
    std::vector<ClassName> classes{{5, "Я"}, {5, "Б"}, {5, "Ә"}, {10, "А"}, {5, "А"}, {5, "Қ"}, {5, "К"}};
    std::sort(classes.begin(), classes.end(), in_school_order);
    std::vector<std::string> names;
    for (const auto& c : classes) names.push_back(c.text());
    EXPECT_EQ(names, (std::vector<std::string>{"5А", "5Ә", "5Б", "5К", "5Қ", "5Я", "10А"}));
}

}  // namespace
}  // namespace kitap::core
