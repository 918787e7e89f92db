#include "kiosk/gui/platform/pointer_queue.hpp"

#include <gtest/gtest.h>

namespace kitap::kiosk {
namespace {

// Two taps that arrived between two frames come out one event per frame, each
// where it happened: four frames, two clicks.
TEST(PointerQueue, QuickTapsAreReplayedOneEventPerFrame) {
    PointerQueue queue;
    queue.push({0, true, 100, 200});
    queue.push({0, false, 100, 200});
    queue.push({0, true, 300, 400});
    queue.push({0, false, 300, 400});
    const float expected_x[] = {100, 100, 300, 300};
    const bool expected_held[] = {true, false, true, false};
    for (int frame = 0; frame < 4; ++frame) {
        ASSERT_TRUE(queue.pending()) << frame;
        const auto event = queue.next();
        ASSERT_TRUE(event);
        EXPECT_EQ(event->x, expected_x[frame]) << frame;
        EXPECT_EQ(queue.held(0), expected_held[frame]) << frame;
    }
    EXPECT_FALSE(queue.pending());
    EXPECT_FALSE(queue.next());
}

// A press read late, after the pointer went on to the next key, is still where the
// motion before it left the pointer.
TEST(PointerQueue, APressIsWhereTheLastMotionLeftThePointer) {
    PointerQueue queue;
    queue.push(0, true, {5, 6});
    queue.moved(100, 200);
    queue.push(0, false, {300, 400});
    EXPECT_EQ(queue.next()->x, 5) << "no motion yet: where the pointer is";
    const auto release = queue.next();
    EXPECT_EQ(release->x, 100);
    EXPECT_EQ(release->y, 200);
}

TEST(PointerQueue, AHeldFingerStaysDownUntilItsRelease) {
    PointerQueue queue;
    queue.push({0, true, 10, 10});
    queue.next();
    EXPECT_TRUE(queue.held(0));
    EXPECT_FALSE(queue.next()) << "nothing new: the finger is still down";
    EXPECT_TRUE(queue.held(0));
    queue.push({7, true, 0, 0});  // a button ImGui does not track
    EXPECT_FALSE(queue.pending());
}

}  // namespace
}  // namespace kitap::kiosk
