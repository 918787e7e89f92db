#include "kiosk/gui/flows/find_book_flow.hpp"

#include "tests/kiosk/gui/support/worker_fixture.hpp"

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

class FindBookFlowTest : public testing::WorkerFixture {
protected:
    // Each letter's key in turn (whole UTF-8 characters), then the answers.
    Effects type(const std::string& text) {
        Effects effects;
        for (std::size_t at = 0; at < text.size();) {
            std::size_t end = at + 1;
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
            effects += finder.touch({.typed = text.substr(at, end - at)}, Steady::now());
            at = end;
        }
        return effects += settle();
    }

    std::vector<std::string> titles_found() {
        std::vector<std::string> titles;
        for (const auto& entry : finder.screen().found.value_or(std::vector<core::CatalogEntry>{}))
            titles.push_back(entry.title);
        return titles;
    }

    FindBookFlow finder{worker};
};

TEST_F(FindBookFlowTest, OpensInTheKiosksLanguagesLayoutWithNothingAsked) {
    finder.open(app::Language::ru, 60s, Steady::now());
    ASSERT_TRUE(finder.active());
    EXPECT_EQ(finder.screen().layout, KeyboardLayout::ru);
    EXPECT_TRUE(finder.screen().keyboard_shown);
    EXPECT_FALSE(finder.screen().found);
    EXPECT_FALSE(worker.busy());
}

TEST_F(FindBookFlowTest, EveryChangeOfTheQuerySearchesAndOnlyTheLatestAnswerIsShown) {
    finder.open(app::Language::kk, 60s, Steady::now());
    const Effects typed = type("абай");
    ASSERT_TRUE(typed.found);
    EXPECT_EQ(typed.found->query, "абай") << "the answers to а, аб and аба were dropped";
    EXPECT_EQ(titles_found(), (std::vector<std::string>{"Абай жолы", "Қара сөздер"}));
    finder.touch({.erase = true}, Steady::now());
    EXPECT_EQ(finder.screen().query, "аба");
    finder.touch({.clear = true}, Steady::now());
    EXPECT_FALSE(finder.screen().found) << "an empty query shows the hint, not an empty list";
    EXPECT_FALSE(settle().found);
}

TEST_F(FindBookFlowTest, ErasingTakesAWholeKazakhLetter) {
    finder.open(app::Language::kk, 60s, Steady::now());
    finder.touch({.typed = "қ"}, Steady::now());
    finder.touch({.typed = "ә"}, Steady::now());
    finder.touch({.erase = true}, Steady::now());
    EXPECT_EQ(finder.screen().query, "қ");
    settle();
}

TEST_F(FindBookFlowTest, TheKeyboardAndTheLayoutFollowTheTaps) {
    finder.open(app::Language::en, 60s, Steady::now());
    EXPECT_TRUE(finder.touch({.layout = KeyboardLayout::kk}, Steady::now()).changed);
    EXPECT_EQ(finder.screen().layout, KeyboardLayout::kk);
    finder.touch({.hide_keyboard = true}, Steady::now());
    EXPECT_FALSE(finder.screen().keyboard_shown);
    finder.touch({.show_keyboard = true}, Steady::now());
    EXPECT_TRUE(finder.screen().keyboard_shown);
    EXPECT_FALSE(finder.touch({}, Steady::now()).changed) << "no tap, nothing to redraw";
}

TEST_F(FindBookFlowTest, ClosesWhenLeftAloneForTheIdleTimeoutOrOnBack) {
    const auto opened = Steady::now();
    finder.open(app::Language::kk, 30s, opened);
    EXPECT_FALSE(finder.tick(opened + 29s).changed);
    finder.touch({.typed = "а"}, opened + 20s);
    EXPECT_FALSE(finder.tick(opened + 49s).changed) << "a tap starts the wait again";
    const Effects closed = finder.tick(opened + 50s);
    EXPECT_TRUE(closed.changed);
    EXPECT_TRUE(closed.restore_language);
    EXPECT_FALSE(finder.active());
    EXPECT_FALSE(settle().found) << "the answer to a closed search is dropped";

    finder.open(app::Language::kk, 30s, opened);
    EXPECT_TRUE(finder.touch({.back = true}, opened).changed);
    EXPECT_FALSE(finder.active());
}

}  // namespace
}  // namespace kitap::kiosk
