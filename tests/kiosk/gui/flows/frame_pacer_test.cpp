#include "kiosk/gui/flows/frame_pacer.hpp"

#include <gtest/gtest.h>

namespace kitap::kiosk {
namespace {

using namespace std::chrono_literals;

// Drawn until nothing is left to redraw.
void draw_until_quiet(FramePacer& pacer) {
    for (int frame = 0; frame < 5; ++frame) pacer.frame_drawn();
}

TEST(FramePacer, SleepsUntilTheClocksMinuteWhenNothingHappens) {
    FramePacer pacer(false);
    EXPECT_EQ(pacer.wait_seconds({}), 0) << "the first frames";
    draw_until_quiet(pacer);
    const double wait = pacer.wait_seconds({});
    EXPECT_GT(wait, 0);
    EXPECT_LE(wait, 60.01);
    EXPECT_LE(pacer.wait_seconds({.countdown = true}), 1.01);
    EXPECT_EQ(pacer.wait_seconds({.work_ready = true}), 0);
    EXPECT_DOUBLE_EQ(pacer.wait_seconds({.animating = true}), 0.25) << "the working indicator's dots";
    EXPECT_LE(pacer.wait_seconds({.next_timer = std::chrono::steady_clock::now() + 200ms}), 0.21);
}

// The screenshot of a change is the second frame after it, and only once the
// library has answered: it shows what the pupil sees, not a half-filled screen.
TEST(FramePacer, TheScreenshotWaitsForTheLibrarysAnswer) {
    FramePacer pacer(true);
    draw_until_quiet(pacer);
    pacer.changed();
    EXPECT_TRUE(pacer.screenshot_due());
    for (int frame = 0; frame < 3; ++frame) {
        EXPECT_FALSE(pacer.take_screenshot(false));
        pacer.frame_drawn();
    }
    EXPECT_GT(pacer.wait_seconds({.settled = false}), 0) << "no spinning while the worker works";
    EXPECT_FALSE(pacer.take_screenshot(true));
    EXPECT_TRUE(pacer.take_screenshot(true));
    EXPECT_FALSE(pacer.screenshot_due());
}

TEST(FramePacer, WithoutScreenshotsAChangeOnlyRedraws) {
    FramePacer pacer(false);
    draw_until_quiet(pacer);
    pacer.changed();
    EXPECT_FALSE(pacer.screenshot_due());
    EXPECT_EQ(pacer.wait_seconds({}), 0);
}

}  // namespace
}  // namespace kitap::kiosk
