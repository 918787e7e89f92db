#include "devices/camera/latest_frame_slot.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace kitap::devices {
namespace {

using namespace std::chrono_literals;

cv::Mat frame(int value) { return cv::Mat(2, 2, CV_8U, cv::Scalar(value)); }

TEST(LatestFrameSlot, HandsOutOnlyTheNewestFrameAndCountsTheDropped) {
    LatestFrameSlot slot;
    slot.put(frame(1), Clock::now());
    slot.put(frame(2), Clock::now());
    slot.put(frame(3), Clock::now());
    const auto taken = slot.wait_newer(0, 0ms);
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->sequence, 3u);
    EXPECT_EQ(taken->image.at<std::uint8_t>(0, 0), 3);
    EXPECT_EQ(slot.dropped(), 2u);
    EXPECT_FALSE(slot.wait_newer(3, 10ms));
    slot.put(frame(4), Clock::now());
    EXPECT_EQ(slot.dropped(), 2u);  // frame 3 was taken, so replacing it drops nothing
}

TEST(LatestFrameSlot, WakesAWaitingDecoderForANewFrameOrWhenClosed) {
    LatestFrameSlot slot;
    std::thread capture([&] {
        std::this_thread::sleep_for(20ms);
        slot.put(frame(7), Clock::now());
        std::this_thread::sleep_for(20ms);
        slot.close();
    });
    const auto taken = slot.wait_newer(0, 5s);
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->sequence, 1u);
    const auto started = Clock::now();
    EXPECT_FALSE(slot.wait_newer(1, 5s));
    EXPECT_LT(Clock::now() - started, 2s);
    EXPECT_TRUE(slot.closed());
    capture.join();
}

TEST(LatestFrameSlot, StillHandsOutTheLastFrameAfterClosing) {
    LatestFrameSlot slot;
    slot.put(frame(9), Clock::now());
    slot.close();
    EXPECT_TRUE(slot.wait_newer(0, 0ms));
    EXPECT_TRUE(slot.latest());
}

}  // namespace
}  // namespace kitap::devices
