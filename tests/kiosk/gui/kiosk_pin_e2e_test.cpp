// The librarian's PIN keypad against a guesser, end to end: wrong PINs typed on a
// keyboard slowly (as a USB keystroke injector would, below a scanner's speed) lock
// the keypad, a kiosk killed and started again is still locked, and the librarian,
// once in, is told how many wrong PINs were typed and that a 4-digit PIN is too short.
#include "core/audit/librarian_action.hpp"
#include "core/audit/pin_attempts.hpp"
#include "core/circulation/library_store.hpp"
#include "core/db/database.hpp"
#include "core/security/secret_hash.hpp"
#include "core/settings/setting_store.hpp"
#include "kiosk/gui/pin/librarian_pin.hpp"
#include "kiosk/gui/ui/keypad_layout.hpp"
#include "tests/kiosk/gui/support/tested_kiosk.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <thread>

#include <signal.h>

namespace kitap::kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::TestedKiosk;

constexpr const char* desk_card = "KITAP-MODE-DESK";

// "0003-pin.png": the kiosk's name for its screenshot number `number`.
std::string shot(std::size_t number, const char* screen) {
    char name[32];
    std::snprintf(name, sizeof name, "%04zu-%s.png", number, screen);
    return name;
}

class KioskPin : public ::testing::Test {
protected:
    void SetUp() override {
        if (!TestedKiosk::can_run() || !testing::find_program("xdotool"))
            GTEST_SKIP() << "Xvfb or xdotool is not installed (deploy/install-deps installs both)";
        kiosk.emplace();
    }

    void start() { kiosk->start({"--scanner", "wedge"}); }

    // A PIN typed key by key, 150 ms apart: a person, or an injector posing as one.
    void type_pin(const std::string& pin) {
        std::string keys = "key --delay 150";
        for (char digit : pin) keys += std::string(" ") + digit;
        kiosk->xdotool(keys + " Return");
    }

    std::map<std::string, int> pin_rows() {
        auto db = core::open_database(kiosk->db_path());
        SQLite::Statement rows(db, "SELECT action, count(*) FROM event WHERE action LIKE 'pin_%' GROUP BY action");
        std::map<std::string, int> count;
        while (rows.executeStep()) count[rows.getColumn(0).getString()] = rows.getColumn(1).getInt();
        return count;
    }

    std::optional<TestedKiosk> kiosk;
};

TEST_F(KioskPin, ALockedKeypadStaysLockedAfterARestart) {
    start();
    EXPECT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");
    kiosk->scan(desk_card);
    EXPECT_EQ(kiosk->wait_for_screenshot(2), "0002-pin.png");
    std::size_t count = 2;
    for (const char* wrong : {"111111", "222222", "333333", "444444", "555555"}) {
        type_pin(wrong);
        ++count;
        EXPECT_EQ(kiosk->wait_for_screenshot(count), shot(count, "pin")) << "after " << wrong;
    }
    EXPECT_EQ(pin_rows(), (std::map<std::string, int>{{"pin_locked_out", 1}, {"pin_wrong", 4}}));

    // Pulled from the wall and started again: no fresh tries.
    kiosk->unplug();
    kiosk->process().signal(SIGKILL);
    ASSERT_TRUE(kiosk->process().wait_for_exit(20s));
    fs::rename(kiosk->screenshot_dir(), kiosk->folder() / "before-restart");
    start();
    EXPECT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");
    kiosk->scan(desk_card);
    EXPECT_EQ(kiosk->wait_for_screenshot(2), "0002-pin.png");  // saying it is locked
    type_pin("123456");                                        // the right PIN: not even looked at
    EXPECT_EQ(kiosk->wait_for_screenshot(3), "0003-pin.png");
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(kiosk->screenshots().size(), 3u) << "no librarian screen";
    EXPECT_EQ(pin_rows(), (std::map<std::string, int>{{"pin_locked_out", 1}, {"pin_wrong", 4}}));
    EXPECT_TRUE(kiosk->process().running());
}

// Seven wrong PINs two days ago (a lockout among them), before that an unlock; the
// PIN is a 4-digit one from before 6 were required. It still unlocks, and the
// librarian reads of both before anything else.
TEST_F(KioskPin, TheLibrarianIsToldOfWrongPinsAndOfAShortPin) {
    {
        auto db = core::open_database(kiosk->db_path());
        core::SettingStore(db).set(std::string(librarian_pin_setting), core::hash_secret("2468"));
        core::LibraryStore store(db);
        const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        const auto record = [&](core::LibrarianActionKind action, core::Timestamp at) {
            core::record_librarian_action(store, {.at = at, .station = "kiosk", .action = action});
        };
        record(core::LibrarianActionKind::pin_accepted, now - 72h);
        for (int i = 0; i < 4; ++i) record(core::LibrarianActionKind::pin_wrong, now - 48h + std::chrono::seconds(i));
        record(core::LibrarianActionKind::pin_locked_out, now - 48h + 4s);
        for (int i = 0; i < 2; ++i) record(core::LibrarianActionKind::pin_wrong, now - 47h + std::chrono::seconds(i));
    }
    start();
    EXPECT_EQ(kiosk->wait_for_screenshot(1), "0001-welcome.png");
    kiosk->scan(desk_card);
    EXPECT_EQ(kiosk->wait_for_screenshot(2), "0002-pin.png");
    type_pin("2468");
    EXPECT_EQ(kiosk->wait_for_screenshot(3), "0003-librarian.png");  // the report over the screen
    const Rect below_bar{0, top_bar_height(1.0f), 1280, 800 - top_bar_height(1.0f)};
    const Rect ok = librarian_layout(below_bar, 1.0f).unlock_report_ok;
    kiosk->xdotool("search --sync --name Kitap mousemove --window %1 " +
                   std::to_string(static_cast<int>(ok.centre_x())) + " " +
                   std::to_string(static_cast<int>(ok.centre_y())) + " click 1");
    EXPECT_EQ(kiosk->wait_for_screenshot(4), "0004-librarian.png");  // read: the classes
    EXPECT_EQ(pin_rows()["pin_accepted"], 2);
    // Unlocked: the next wrong PIN starts a fresh count.
    SQLite::Database db(kiosk->db_path().string(), SQLite::OPEN_READONLY);
    const auto log = core::read_pin_attempts(db);
    EXPECT_TRUE(log.since.empty());
    ASSERT_TRUE(log.last_unlock);
}

}  // namespace
}  // namespace kitap::kiosk
