// Every label printed is read back: the PDF is rendered at 300 dpi and each
// label's box decoded with zxing-cpp, as a scanner would read the printed sheet.
#include "core/demo/demo_codes.hpp"
#include "kiosk/print/command_sheet.hpp"
#include "kiosk/print/copy_labels.hpp"
#include "kiosk/print/reader_cards.hpp"
#include "support/rendered_pdf.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace kitap::printing {
namespace {

using testing::decode_region;
using testing::render_pdf;

// What each label of `layout` decodes to, page by page.
std::vector<std::string> decoded_labels(const std::filesystem::path& pdf, const SheetLayout& layout,
                                        std::size_t count) {
    const auto pages = render_pdf(pdf);
    std::vector<std::string> decoded;
    for (std::size_t index = 0; index < count; ++index) {
        const auto per_page = static_cast<std::size_t>(layout.per_page());
        const auto& page = pages.at(index / per_page);
        decoded.push_back(decode_region(page, layout.label(static_cast<int>(index % per_page))).value_or("(none)"));
    }
    return decoded;
}

std::vector<std::string> inventory_numbers(int count) {
    std::vector<std::string> numbers;
    for (int sequence = 1; sequence <= count; ++sequence)
        numbers.push_back(core::demo::numbered_label('1', sequence * 37));
    return numbers;
}

struct LayoutCase {
    std::string layout;
    Symbology symbology;
};

class CopyLabelRoundTrip : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(CopyLabelRoundTrip, EveryLabelOnEveryPageDecodesToItsNumber) {
    const auto layout = *label_layout(GetParam().layout);
    const auto numbers = inventory_numbers(layout.per_page() + 3);  // a second page, part filled
    std::vector<CopyLabel> labels;
    for (const auto& number : numbers) labels.push_back({number, "Абай жолы. 1-кітап"});
    testing::TempDir folder;
    const auto written = write_copy_labels(folder / "labels.pdf", labels,
                                           {.layout = layout,
                                            .symbology = GetParam().symbology,
                                            .library_name = "№ 12 мектеп кітапханасы",
                                            .document_title = "labels"});
    ASSERT_TRUE(written) << written.error().key;
    EXPECT_EQ(decoded_labels(folder / "labels.pdf", layout, labels.size()), numbers);
}

INSTANTIATE_TEST_SUITE_P(
    Layouts, CopyLabelRoundTrip,
    ::testing::Values(LayoutCase{"a4-3x8", Symbology::code128}, LayoutCase{"a4-3x8", Symbology::codabar},
                      LayoutCase{"a4-4x10", Symbology::code128}, LayoutCase{"a4-4x10", Symbology::codabar},
                      LayoutCase{"a4-2x7", Symbology::code128}, LayoutCase{"a4-2x7", Symbology::codabar},
                      LayoutCase{"roll-58", Symbology::code128}, LayoutCase{"roll-58", Symbology::codabar}),
    [](const auto& info) {
        auto name = info.param.layout + "_" + (info.param.symbology == Symbology::code128 ? "code128" : "codabar");
        for (auto& c : name) c = c == '-' ? '_' : c;
        return name;
    });

TEST(ReaderCardRoundTrip, TenCardsASheetEachDecodingToItsCard) {
    std::vector<ReaderCard> cards;
    for (int sequence = 1; sequence <= 12; ++sequence)
        cards.push_back({core::demo::numbered_label('2', sequence), "Әбенова Ғалия Қанатқызы", "5Ә сынып"});
    testing::TempDir folder;
    ASSERT_TRUE(write_reader_cards(folder / "cards.pdf", cards,
                                   {.school = "№ 12 жалпы білім беретін мектеп",
                                    .heading = "ОҚЫРМАН БИЛЕТІ",
                                    .year_line = "2026-2027 оқу жылы",
                                    .document_title = "cards"}));
    std::vector<std::string> expected;
    for (const auto& card : cards) expected.push_back(card.card);
    EXPECT_EQ(decoded_labels(folder / "cards.pdf", reader_card_layout(), cards.size()), expected);
    EXPECT_EQ(render_pdf(folder / "cards.pdf").size(), 2u);
}

TEST(CommandSheetRoundTrip, EveryCommandDecodesEvenTheLongestWithAPrefix) {
    const std::vector<CommandLabel> commands{{"KITAP-DONE", "Аяқтау", "Завершить"},
                                             {"KITAP-MODE-RETURN", "Қайтару режимі", "Режим возврата"},
                                             {"LIBRARY-MODE-RETURN", "Қайтару режимі", "Режим возврата"}};
    testing::TempDir folder;
    ASSERT_TRUE(
        write_command_sheet(folder / "commands.pdf", commands, {.heading = "Командалар", .document_title = "c"}));
    EXPECT_EQ(decoded_labels(folder / "commands.pdf", command_sheet_layout(), commands.size()),
              (std::vector<std::string>{"KITAP-DONE", "KITAP-MODE-RETURN", "LIBRARY-MODE-RETURN"}));
}

TEST(CopyLabels, NothingIsWrittenWhenACodeCannotBePrinted) {
    testing::TempDir folder;
    const auto written = write_copy_labels(folder / "labels.pdf", {{"10000017", ""}, {"10000Ә", ""}},
                                           {.layout = *label_layout("a4-3x8")});
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().args.at("code"), "10000Ә");
    EXPECT_FALSE(std::filesystem::exists(folder / "labels.pdf"));
    EXPECT_FALSE(std::filesystem::exists(folder / "labels.pdf.partial"));
}

TEST(CopyLabels, AnUnwritableFileIsAnErrorValue) {
    const auto written =
        write_copy_labels("/nonexistent-folder/labels.pdf", {{"10000017", ""}}, {.layout = *label_layout("a4-3x8")});
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().key, "print.error.cannot_write");
}

TEST(SheetLayouts, ConfiguredMarginsMoveTheGrid) {
    const auto layout = with_margins(*label_layout("a4-2x7"), {.top = 10.0, .left = std::nullopt});
    EXPECT_DOUBLE_EQ(layout.label(0).y, 10);
    EXPECT_DOUBLE_EQ(layout.label(0).x, 4.65);
    EXPECT_DOUBLE_EQ(layout.label(3).x, 4.65 + 99.1 + 2.5);
    EXPECT_EQ(label_layout("a4-5x13"), std::nullopt);
    EXPECT_EQ(label_layout_names(), (std::vector<std::string>{"a4-3x8", "a4-4x10", "a4-2x7", "roll-58"}));
}

}  // namespace
}  // namespace kitap::printing
