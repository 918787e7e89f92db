// Kazakh Cyrillic survives into every kind of document: drawn with a font that
// has its letters, embedded, and read back as the same text.
#include "kiosk/print/pdf_report.hpp"
#include "kiosk/print/reader_cards.hpp"
#include "kiosk/print/xlsx_report.hpp"
#include "support/rendered_pdf.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace kitap::printing {
namespace {

using testing::pdf_text;
using testing::quoted;

const std::string kazakh_letters = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі";

// pdffonts' table: every font embedded, and the one pango chose by fontconfig among them.
std::string font_table(const std::filesystem::path& pdf) {
    const auto out = pdf.string() + ".fonts";
    EXPECT_EQ(testing::run("pdffonts " + quoted(pdf.string()) + " > " + quoted(out)), 0);
    return testing::slurp(out);
}

void expect_embedded_noto(const std::filesystem::path& pdf) {
    const auto fonts = font_table(pdf);
    EXPECT_NE(fonts.find("NotoSans"), std::string::npos) << fonts;
    EXPECT_EQ(fonts.find(" no "), std::string::npos) << "a font is not embedded:\n" << fonts;
}

TEST(KazakhText, OnReaderCards) {
    testing::TempDir folder;
    ASSERT_TRUE(write_reader_cards(
        folder / "cards.pdf", {{"20000014", kazakh_letters, "5Ә сынып"}},
        {.school = "Шаңырақ мектебі", .heading = "ОҚЫРМАН БИЛЕТІ", .year_line = "2026-2027 оқу жылы"}));
    const auto text = pdf_text(folder / "cards.pdf");
    EXPECT_NE(text.find(kazakh_letters), std::string::npos) << text;
    EXPECT_NE(text.find("Шаңырақ мектебі"), std::string::npos);
    expect_embedded_noto(folder / "cards.pdf");
}

TEST(KazakhText, InReportsAndWorkbooks) {
    const app::Translator tr(app::Language::kk);
    auto document =
        report_document({tr, "Шаңырақ мектебі", std::chrono::year{2024} / 6 / 1}, "Есеп: " + kazakh_letters);
    document.sections.push_back({.columns = {{"Атауы", 3}, {"Саны", 1}, {"Сомасы, ₸", 1}},
                                 .rows = {{text_cell(kazakh_letters), count_cell(1234567), tenge_cell(123456789)}}});
    testing::TempDir folder;
    ASSERT_TRUE(write_pdf_report(folder / "report.pdf", document));
    // Thousands are set apart by no-break spaces, which pdftotext gives back as spaces.
    const auto text = pdf_text(folder / "report.pdf");
    for (const std::string& part : {kazakh_letters, std::string("1 234 567"), std::string("1 234 567,89"),
                                    std::string("Жасалған күні: 01.06.2024"), std::string("Бет 1 / 1")})
        EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
    expect_embedded_noto(folder / "report.pdf");

    ASSERT_TRUE(write_xlsx_report(folder / "report.xlsx", document));
    EXPECT_NE(testing::zip_member(folder / "report.xlsx", "xl/sharedStrings.xml").find(kazakh_letters),
              std::string::npos);
}

}  // namespace
}  // namespace kitap::printing
