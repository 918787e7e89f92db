#include "kiosk/answers/label_answers.hpp"

#include "tests/kiosk/answers/answers_fixture.hpp"

#include <gtest/gtest.h>

namespace kitap::testing {
namespace {

using answers::LabelsKind;
using answers::LabelsRequest;

class LabelAnswers : public AnswersFixture {
protected:
    void SetUp() override { add_small_school(); }

    answers::Problem problem(const LabelsRequest& request) {
        const auto labels = answers::labels_answer(context(), request);
        EXPECT_FALSE(labels.has_value());
        return labels ? answers::Problem{} : labels.error();
    }
};

TEST_F(LabelAnswers, KindsHaveTheRoutesWords) {
    EXPECT_EQ(answers::labels_kind_from("copies"), LabelsKind::copies);
    EXPECT_EQ(answers::labels_kind_from("readers"), LabelsKind::readers);
    EXPECT_EQ(answers::labels_kind_from("commands"), LabelsKind::commands);
    EXPECT_FALSE(answers::labels_kind_from("pins"));
}

TEST_F(LabelAnswers, TheCommandSheetIsAPdf) {
    const auto labels = answers::labels_answer(context(), {.kind = LabelsKind::commands});
    ASSERT_TRUE(labels) << labels.error().message;
    EXPECT_EQ(labels->pdf.content_type, "application/pdf");
    EXPECT_EQ(labels->pdf.filename, "station-commands.pdf");
    EXPECT_EQ(labels->pdf.bytes.substr(0, 5), "%PDF-");
    EXPECT_FALSE(labels->allocated);
}

TEST_F(LabelAnswers, ReaderCardsOfAClass) {
    const auto labels = answers::labels_answer(context(), {.kind = LabelsKind::readers, .class_name = "5Ә"});
    ASSERT_TRUE(labels) << labels.error().message;
    EXPECT_EQ(labels->pdf.filename, "reader-cards.pdf");
    EXPECT_EQ(labels->pdf.bytes.substr(0, 5), "%PDF-");
}

TEST_F(LabelAnswers, ReaderCardsNeedOneChoice) {
    EXPECT_EQ(problem({.kind = LabelsKind::readers}).code, "choose_readers");
    EXPECT_EQ(problem({.kind = LabelsKind::readers, .class_name = "5Ә", .all = true}).code, "choose_readers");
    EXPECT_EQ(problem({.kind = LabelsKind::readers, .cards = {"99999999"}}).code, "unknown_cards");
    EXPECT_EQ(problem({.kind = LabelsKind::readers, .class_name = "x"}).code, "bad_class");
    EXPECT_EQ(problem({.kind = LabelsKind::readers, .class_name = "9В"}).code, "no_readers");
}

TEST_F(LabelAnswers, CopyLabelsOfStoredCopies) {
    const auto labels =
        answers::labels_answer(context(), {.kind = LabelsKind::copies, .codes = {"10000017", "10000025"}});
    ASSERT_TRUE(labels) << labels.error().message;
    EXPECT_EQ(labels->pdf.filename, "copy-labels.pdf");
    EXPECT_EQ(labels->pdf.bytes.substr(0, 5), "%PDF-");
    EXPECT_EQ(problem({.kind = LabelsKind::copies, .codes = {"10000033"}}).code, "unknown_copies");
    EXPECT_EQ(problem({.kind = LabelsKind::copies, .from = "19000000", .to = "19000010"}).code, "empty_range");
}

TEST_F(LabelAnswers, CopyLabelsRefuseBadOptions) {
    EXPECT_EQ(problem({.kind = LabelsKind::copies}).code, "choose_copies");
    EXPECT_EQ(problem({.kind = LabelsKind::copies, .new_count = 2, .codes = {"10000017"}}).code, "choose_copies");
    EXPECT_EQ(problem({.kind = LabelsKind::copies, .from = "10000017"}).code, "choose_copies");
    EXPECT_EQ(problem({.kind = LabelsKind::copies, .codes = {"10000017"}, .symbology = "qr"}).code,
              "unknown_symbology");
    EXPECT_EQ(problem({.kind = LabelsKind::copies, .codes = {"10000017"}, .layout = "a3"}).code, "unknown_layout");
    EXPECT_EQ(problem({.kind = LabelsKind::copies, .new_count = 0}).code, "bad_count");
    EXPECT_EQ(problem({.kind = LabelsKind::copies, .new_count = 2, .isbn = isbn(77)}).code, "unknown_title");
}

TEST_F(LabelAnswers, NewNumbersAreHandedOutAndSaid) {
    const auto copies_before = count("SELECT count(*) FROM copy");
    const auto labels =
        answers::labels_answer(context(), {.kind = LabelsKind::copies, .new_count = 3, .isbn = isbn(1)});
    ASSERT_TRUE(labels) << labels.error().message;
    ASSERT_TRUE(labels->allocated);
    EXPECT_NE(labels->allocated->find("3 copies of"), std::string::npos) << *labels->allocated;
    EXPECT_EQ(count("SELECT count(*) FROM copy"), copies_before + 3);
    EXPECT_EQ(labels->pdf.bytes.substr(0, 5), "%PDF-");
}

}  // namespace
}  // namespace kitap::testing
