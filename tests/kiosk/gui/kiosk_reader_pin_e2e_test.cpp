// A reader's PIN at the kiosk, end to end: with [station] reader_pin = "when_set",
// a pupil's card brings up the keypad and nothing of the pupil; a wrong PIN says so
// (no name), the right one opens the session, and the session lends as usual.
#include "core/circulation/library_store.hpp"
#include "core/db/database.hpp"
#include "core/security/reader_pins.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "tests/kiosk/gui/support/sample_library.hpp"
#include "tests/kiosk/gui/support/tested_kiosk.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace kitap::kiosk {
namespace {

using testing::SampleLibrary;
using testing::TestedKiosk;

class KioskReaderPin : public ::testing::Test {
protected:
    void SetUp() override {
        if (!TestedKiosk::can_run() || !TestedKiosk::can_tap())
            GTEST_SKIP() << "Xvfb or xdotool is not installed (deploy/install-deps installs both)";
        kiosk.emplace();
        auto db = core::open_database(kiosk->db_path());
        core::LibraryStore store(db);
        const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        ASSERT_EQ(core::set_reader_pin(store, SampleLibrary::pupil_a, "4071", now, "test"),
                  core::ReaderPinChange::done);
        std::ofstream(kiosk->folder() / "kitap.toml")
            << "[station]\nreader_pin = \"when_set\"\ndouble_scan_seconds = 1\n";
    }

    // The keys of a PIN on the keypad below the top bar, then OK.
    void type_pin(const std::string& pin) {
        const KeypadLayout keypad = keypad_layout({0, top_bar_height(1.0f), 1280, 800 - top_bar_height(1.0f)}, 1.0f);
        for (char digit : pin) {
            const int key = digit == '0' ? KeypadLayout::zero : digit - '1';
            kiosk->tap(keypad.keys[key].centre_x(), keypad.keys[key].centre_y());
        }
        const Rect& ok = keypad.keys[KeypadLayout::ok];
        kiosk->tap(ok.centre_x(), ok.centre_y());
    }

    nlohmann::json last_outcome() const {
        const auto lines = kiosk->printed_outcomes();
        return lines.empty() ? nlohmann::json() : nlohmann::json::parse(lines.back());
    }

    std::optional<TestedKiosk> kiosk;
};

TEST_F(KioskReaderPin, TheCardAsksForThePinAndAWrongOneShowsNoName) {
    kiosk->start({"--config", (kiosk->folder() / "kitap.toml").string()});
    EXPECT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");

    kiosk->scan(SampleLibrary::pupil_a);
    EXPECT_EQ(kiosk->wait_for_screenshot(2), "0002-reader_pin.png");
    EXPECT_EQ(last_outcome()["outcome"], "pin_required");
    EXPECT_TRUE(last_outcome()["reader"].is_null());

    type_pin("1111");
    EXPECT_EQ(kiosk->wait_for_screenshot(3), "0003-reader_pin.png");  // still the keypad, saying it was wrong
    const auto wrong = last_outcome();
    EXPECT_EQ(wrong["reason"], "wrong_pin");
    EXPECT_EQ(wrong["tries_left"], 4);
    EXPECT_FALSE(wrong.contains("reader_name"));
    EXPECT_EQ(kiosk->printed_outcomes().front().find(SampleLibrary::name_a), std::string::npos);

    type_pin("4071");
    EXPECT_EQ(kiosk->wait_for_screenshot(4), "0004-session.png");
    const auto session = last_outcome();
    EXPECT_EQ(session["outcome"], "session");
    EXPECT_EQ(session["reader_name"], SampleLibrary::name_a);

    kiosk->scan(SampleLibrary::copy_1);
    EXPECT_EQ(kiosk->wait_for_screenshot(5), "0005-session.png");
    EXPECT_EQ(last_outcome()["outcome"], "loan");

    // A pupil without a PIN goes straight in: when_set asks only those given one.
    kiosk->scan(SampleLibrary::pupil_c);
    EXPECT_EQ(kiosk->wait_for_screenshot(6), "0006-session.png");
    EXPECT_EQ(last_outcome()["reader"], SampleLibrary::pupil_c);

    auto db = core::open_database(kiosk->db_path());
    core::LibraryStore store(db);
    const auto loan = store.open_loan_of_copy(store.copy_by_barcode(SampleLibrary::copy_1)->id);
    ASSERT_TRUE(loan);
    EXPECT_EQ(loan->reader_card, SampleLibrary::pupil_a);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM event WHERE action = 'reader_pin_wrong'").getInt(), 1);
}

}  // namespace
}  // namespace kitap::kiosk
