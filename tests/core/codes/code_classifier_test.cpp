#include "core/codes/code_classifier.hpp"
#include "tests/support/school.hpp"

#include <gtest/gtest.h>

namespace kitap::core {
namespace {

class CodeClassifierTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto& db = temp_.db();
        temp_.add_class("2026-2027", 7, "Ғ");  // id 1
        db.exec("INSERT INTO reader (card, full_name, category, class_id) VALUES ('20000014', 'Әлия', 'pupil', 1)");
        db.exec(
            "INSERT INTO title (id, title, isbn, kind, stock) VALUES (1, 'Алгебра. 7-сынып', '9786010000001', "
            "'textbook', 5)");
        db.exec("INSERT INTO copy (barcode, title_id) VALUES ('004512', 1)");
    }

    ClassifiedCode classify(std::string_view text) { return classify_code(text, rules_, store_); }

    testing::TestSchool temp_;
    LibraryStore store_{temp_.db()};
    CodeRules rules_;
};

TEST_F(CodeClassifierTest, KnownCodesAreWhatTheLibrarySays) {
    EXPECT_EQ(classify("20000014").kind, CodeKind::reader);
    EXPECT_EQ(classify("004512").kind, CodeKind::copy);
    auto title = classify("9786010000001");
    EXPECT_EQ(title.kind, CodeKind::title);
    ASSERT_TRUE(title.title);
    EXPECT_EQ(title.title->stock, 5);
}

TEST_F(CodeClassifierTest, CataloguedIsbnMatchesWithHyphens) {
    auto title = classify("978-601-00-0000-1");
    EXPECT_EQ(title.kind, CodeKind::title);
    EXPECT_TRUE(title.title);
}

TEST_F(CodeClassifierTest, RulesDecideWhatTheLibraryDoesNotKnow) {
    auto isbn = classify("9780306406157");
    EXPECT_EQ(isbn.kind, CodeKind::title);
    EXPECT_FALSE(isbn.title);
    EXPECT_EQ(classify("9780306406158").kind, CodeKind::unknown);  // wrong check digit
    EXPECT_EQ(classify("4870001234569").kind, CodeKind::unknown);  // an EAN-13, but no book
    auto command = classify("KITAP-DONE");
    EXPECT_EQ(command.kind, CodeKind::command);
    EXPECT_EQ(command.command, Command::done);
    EXPECT_EQ(classify("KITAP-DANCE").kind, CodeKind::unknown);
    EXPECT_EQ(classify("").kind, CodeKind::unknown);
}

TEST_F(CodeClassifierTest, ScannerNoiseIsStripped) {
    rules_.strip_prefixes = {"]E0"};
    rules_.strip_suffixes = {"\t"};
    EXPECT_EQ(clean_scanned_text("  ]E09786010000001\r\n", rules_), "9786010000001");
    EXPECT_EQ(classify("]E09786010000001").kind, CodeKind::title);
}

TEST_F(CodeClassifierTest, LeadingZerosAreTriedOnlyWhenConfiguredAndAfterTheExactCode) {
    EXPECT_EQ(classify("0020000014").kind, CodeKind::unknown);
    rules_.strip_leading_zeros = true;
    EXPECT_EQ(classify("0020000014").kind, CodeKind::reader);
    EXPECT_EQ(classify("004512").kind, CodeKind::copy);  // the exact code still wins
}

TEST_F(CodeClassifierTest, CommandCodesRoundTrip) {
    for (Command command : {Command::done, Command::mode_self, Command::mode_desk})
        EXPECT_EQ(parse_command(command_code(command, rules_), rules_), command);
}

}  // namespace
}  // namespace kitap::core
