// "Find a book" at the kiosk, end to end in each language: the welcome screen's button,
// letters tapped on the on-screen keyboard (Kazakh, Russian, English, and a layout
// switched), the titles found with their shelf and how many copies are in, the whole
// list, back to the welcome screen; a card scanned while searching opens the session;
// a title all out reserved with the reader's card, handed in, and waiting for them.
#include "core/db/database.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "tests/kiosk/gui/support/sample_library.hpp"
#include "tests/kiosk/gui/support/tested_kiosk.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using testing::SampleLibrary;
using testing::TestedKiosk;

const Rect below_bar{0, top_bar_height(1.0f), 1280, 800 - top_bar_height(1.0f)};

class KioskFindBook : public ::testing::Test {
protected:
    void SetUp() override {
        if (!TestedKiosk::can_run() || !TestedKiosk::can_tap())
            GTEST_SKIP() << "Xvfb or xdotool is not installed (deploy/install-deps installs both)";
        kiosk.emplace();
        auto db = core::open_database(kiosk->db_path());
        db.exec("UPDATE copy SET shelf = 'Б-2' WHERE barcode = '" + std::string(SampleLibrary::copy_1) + "'");
    }

    void tap(const Rect& r) { kiosk->tap(r.centre_x(), r.centre_y()); }

    void open_search() {
        tap(find_book_button(below_bar, 1.0f));
        ASSERT_TRUE(wait_for_screen("find_book")) << "the search screen never came";
    }

    // Each letter's key in `layout`, tapped in turn.
    void type(KeyboardLayout layout, const std::vector<std::string>& letters) {
        const auto keys = find_book_layout(below_bar, 1.0f, layout, true).keys;
        for (const auto& letter : letters) {
            const auto key = std::find_if(keys.begin(), keys.end(), [&](const KeyboardKey& k) {
                return k.kind == KeyboardKey::Kind::letter && k.label == letter;
            });
            ASSERT_NE(key, keys.end()) << letter << " is not on the keyboard";
            tap(key->rect);
        }
    }

    void tap_key(KeyboardLayout layout, KeyboardKey::Kind kind, KeyboardLayout switch_to = KeyboardLayout::kk) {
        const auto keys = find_book_layout(below_bar, 1.0f, layout, true).keys;
        const auto key = std::find_if(keys.begin(), keys.end(), [&](const KeyboardKey& k) {
            return k.kind == kind && (kind != KeyboardKey::Kind::layout || k.switch_to == switch_to);
        });
        ASSERT_NE(key, keys.end());
        tap(key->rect);
    }

    // The --print-outcomes line of the search for `query`, once its answer is on screen.
    json wait_for_search(const std::string& query) {
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (std::chrono::steady_clock::now() < deadline) {
            for (const auto& line : kiosk->printed_outcomes()) {
                const auto printed = json::parse(line);
                if (printed.value("search", "") == query) return printed;
            }
            std::this_thread::sleep_for(100ms);
        }
        ADD_FAILURE() << "no search for \"" << query << "\" shown";
        return {};
    }

    // Whether the newest screenshot is of `screen`, within a while.
    bool wait_for_screen(const std::string& screen) {
        const auto deadline = std::chrono::steady_clock::now() + 20s;
        while (std::chrono::steady_clock::now() < deadline) {
            const auto names = kiosk->screenshots();
            if (!names.empty() && names.back().ends_with("-" + screen + ".png")) return true;
            std::this_thread::sleep_for(100ms);
        }
        return false;
    }

    // The first --print-outcomes line with `key`, once it is printed.
    json wait_for_line(const std::string& key, const json& value) {
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (std::chrono::steady_clock::now() < deadline) {
            for (const auto& line : kiosk->printed_outcomes()) {
                const auto printed = json::parse(line);
                if (printed.contains(key) && printed[key] == value) return printed;
            }
            std::this_thread::sleep_for(100ms);
        }
        ADD_FAILURE() << "no line with " << key << " = " << value;
        return {};
    }

    std::optional<TestedKiosk> kiosk;
};

json title(const std::string& name, int available, int total) {
    return {{"title", name}, {"available", available}, {"total", total}};
}

TEST_F(KioskFindBook, KazakhLettersFindTheTitleWithItsShelfThenTheWholeListAndBack) {
    kiosk->start({}, "kk");
    ASSERT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");
    open_search();
    type(KeyboardLayout::kk, {"ә", "у", "е", "з"});
    EXPECT_EQ(wait_for_search("әуез")["titles"], json::array({title("Абай жолы", 2, 2)}));

    tap_key(KeyboardLayout::kk, KeyboardKey::Kind::search);  // the keyboard goes: the whole list
    const auto hidden = find_book_layout(below_bar, 1.0f, KeyboardLayout::kk, false);
    EXPECT_TRUE(hidden.keys.empty());
    EXPECT_TRUE(wait_for_screen("find_book"));
    tap(hidden.query);  // and comes back with a tap on what was typed
    tap_key(KeyboardLayout::kk, KeyboardKey::Kind::erase);
    EXPECT_EQ(wait_for_search("әуе")["titles"], json::array({title("Абай жолы", 2, 2)}));

    tap(hidden.back);
    EXPECT_TRUE(wait_for_screen("welcome"));
    // A card scanned while searching: the pupil's session, nothing of the search.
    open_search();
    kiosk->scan(SampleLibrary::pupil_a);
    EXPECT_TRUE(wait_for_screen("session"));
    const auto outcomes = kiosk->printed_outcomes();
    EXPECT_EQ(json::parse(outcomes.back())["outcome"], "session") << outcomes.back();
}

TEST_F(KioskFindBook, RussianLettersFindKazakhTitlesAndNothingFoundIsSaid) {
    kiosk->start({}, "ru");
    ASSERT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");
    open_search();
    type(KeyboardLayout::ru, {"а", "у", "е", "з", "о", "в"});  // Әуезов as typed on a Russian keyboard
    EXPECT_EQ(wait_for_search("ауезов")["titles"], json::array({title("Абай жолы", 2, 2)}));
    tap_key(KeyboardLayout::ru, KeyboardKey::Kind::clear);
    type(KeyboardLayout::ru, {"щ", "щ"});
    EXPECT_EQ(wait_for_search("щщ")["titles"], json::array());
}

TEST_F(KioskFindBook, AnotherLayoutTypesKazakhAndABookAllOutIsSaidSo) {
    kiosk->start({}, "en");
    ASSERT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");
    open_search();
    tap_key(KeyboardLayout::en, KeyboardKey::Kind::layout, KeyboardLayout::kk);
    type(KeyboardLayout::kk, {"қ", "а", "р", "а"});
    // Its one copy is on loan to pupil_b: none on the shelf, and nobody's name.
    EXPECT_EQ(wait_for_search("қара")["titles"], json::array({title("Қара сөздер", 0, 1)}));
    EXPECT_TRUE(wait_for_screen("find_book"));
}

TEST_F(KioskFindBook, AReservationFromTheSearchIsKeptAtTheReturnAndWaitsForItsReader) {
    kiosk->start({}, "kk");
    ASSERT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");
    open_search();
    type(KeyboardLayout::kk, {"қ", "а", "р", "а"});
    EXPECT_EQ(wait_for_search("қара")["titles"], json::array({title("Қара сөздер", 0, 1)}));
    // "Reserve" at the right of the first title's card.
    const Rect results = find_book_layout(below_bar, 1.0f, KeyboardLayout::kk, true).results;
    kiosk->tap(results.x + results.width - 140, results.y + 37);
    // The card prompt on screen before the card: a busy kiosk reads the tap late.
    ASSERT_EQ(wait_for_line("awaiting_card", true)["reserve"], "Қара сөздер");
    kiosk->scan(SampleLibrary::pupil_a);
    const auto reserved = wait_for_line("outcome", "hold");
    EXPECT_EQ(reserved["reserve"], "Қара сөздер");
    EXPECT_EQ(reserved["position"], 1);

    // Handed in at the kiosk with no card: whoever returns it is told to put it aside.
    kiosk->scan(SampleLibrary::copy_3);
    const auto returned = wait_for_line("code", SampleLibrary::copy_3);
    EXPECT_EQ(returned["outcome"], "return");
    EXPECT_EQ(returned["hold_for"], SampleLibrary::pupil_a);
    EXPECT_NE(returned["message"].get<std::string>().find("5Ә " + std::string(SampleLibrary::name_a)),
              std::string::npos)
        << returned;

    // Her next card: her reserved book is waiting.
    kiosk->scan(SampleLibrary::pupil_a);
    EXPECT_TRUE(wait_for_screen("session"));
    const auto session = json::parse(kiosk->printed_outcomes().back());
    EXPECT_EQ(session["outcome"], "session") << session;
    ASSERT_EQ(session["holds_ready"].size(), 1u) << session;
    EXPECT_EQ(session["holds_ready"][0]["title"], "Қара сөздер");
    EXPECT_EQ(session["holds_ready"][0]["code"], SampleLibrary::copy_3);
    // Kept for her: lent to her at the kiosk, and her hold is done.
    kiosk->scan(SampleLibrary::copy_3);
    EXPECT_EQ(wait_for_line("outcome", "loan")["code"], SampleLibrary::copy_3);
}

}  // namespace
}  // namespace kitap::kiosk
