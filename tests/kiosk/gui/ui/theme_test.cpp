#include "kiosk/gui/ui/theme.hpp"

#include <gtest/gtest.h>

namespace kitap::kiosk {
namespace {

TEST(Theme, ScaleFitsTheDesignToTheScreen) {
    EXPECT_FLOAT_EQ(ui_scale_for(1280, 800), 1.0f);
    EXPECT_FLOAT_EQ(ui_scale_for(2560, 1600), 2.0f);
    EXPECT_FLOAT_EQ(ui_scale_for(1920, 1080), 1.35f);
    EXPECT_FLOAT_EQ(ui_scale_for(0, 0), 1.0f);
    Theme theme{.scale = 1.0f};
    EXPECT_GE(theme.touch(), 64.0f);
}

// Every font the kiosk draws with has every Kazakh letter (and Russian ones, and №).
TEST(Theme, FontsCarryEveryKazakhLetter) {
    ImGui::CreateContext();
    ImFontAtlas atlas;
    const Fonts fonts = load_fonts(atlas, 1.0f);
    const char32_t letters[] = {U'Ә', U'Ғ', U'Қ', U'Ң', U'Ө', U'Ұ', U'Ү', U'Һ', U'І', U'ә', U'ғ', U'қ', U'ң',
                                U'ө', U'ұ', U'ү', U'һ', U'і', U'Ж', U'щ', U'Ё', U'№', U'—', U'«', U'»', U'…'};
    for (ImFont* font : {fonts.small, fonts.body, fonts.bold, fonts.large, fonts.title}) {
        ASSERT_NE(font, nullptr);
        for (char32_t letter : letters)
            EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(letter)), nullptr)
                << "U+" << std::hex << static_cast<unsigned>(letter) << " at " << font->FontSize << " px";
    }
    ImGui::DestroyContext();
}

}  // namespace
}  // namespace kitap::kiosk
