#include "devices/camera/video_capture_frames.hpp"

#include "tests/devices/support/recordings.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

using namespace testing;
using kitap::testing::TempDir;

TEST(VideoCaptureFrames, HandsOutEveryFrameInItsOwnBuffer) {
    TempDir dir;
    ASSERT_TRUE(write_video(dir / "clip.avi", recording_frames(3, {}), 12));
    VideoCaptureFrames frames(cv::VideoCapture((dir / "clip.avi").string()), false);
    EXPECT_DOUBLE_EQ(frames.fps(), 12);
    EXPECT_FALSE(frames.is_live());
    const auto first = frames.next();
    const auto second = frames.next();
    ASSERT_TRUE(first && second);
    EXPECT_NE(first->data, second->data);  // the decoder may still hold the first
    EXPECT_TRUE(frames.next());
    EXPECT_FALSE(frames.next());
}

TEST(VideoCaptureFrames, PlaysAtAFallbackRateWhenTheSourceHasNone) {
    VideoCaptureFrames frames(cv::VideoCapture(), true);
    EXPECT_DOUBLE_EQ(frames.fps(), 25);
    EXPECT_TRUE(frames.is_live());
    EXPECT_FALSE(frames.next());
}

}  // namespace
}  // namespace kitap::devices
