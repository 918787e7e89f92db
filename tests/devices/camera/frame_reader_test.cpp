#include "devices/camera/frame_reader.hpp"

#include "tests/devices/support/recordings.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace kitap::devices {
namespace {

using namespace testing;
using kitap::testing::TempDir;

int count_frames(FrameReader& reader) {
    int frames = 0;
    while (reader.next()) ++frames;
    return frames;
}

TEST(FrameReader, PlaysAVideoFileAtItsOwnRate) {
    TempDir dir;
    ASSERT_TRUE(write_video(dir / "clip.avi", recording_frames(12, {}), 24));
    auto reader = open_recording(dir / "clip.avi", 10);
    ASSERT_TRUE(reader) << reader.error().message();
    EXPECT_DOUBLE_EQ((*reader)->fps(), 24);
    EXPECT_FALSE((*reader)->is_live());
    EXPECT_EQ(count_frames(**reader), 12);
}

TEST(FrameReader, PlaysAFolderOfFramesInNameOrderAtTheGivenRate) {
    TempDir dir;
    write_folder(dir / "frames", recording_frames(3, {}));
    std::ofstream(dir / "frames" / "notes.txt") << "not a frame";
    auto reader = open_recording(dir / "frames", 15);
    ASSERT_TRUE(reader);
    EXPECT_DOUBLE_EQ((*reader)->fps(), 15);
    EXPECT_EQ(count_frames(**reader), 3);
}

TEST(FrameReader, SaysWhyItCannotOpenARecording) {
    TempDir dir;
    EXPECT_EQ(open_recording(dir / "missing.avi", 10).error().reason, "no such file or folder");
    std::filesystem::create_directories(dir / "empty");
    EXPECT_EQ(open_recording(dir / "empty", 10).error().reason, "no image files in the folder");
    std::ofstream(dir / "text.avi") << "not a video";
    EXPECT_EQ(open_recording(dir / "text.avi", 10).error().reason, "not a video file OpenCV can read");
}

TEST(FrameReader, ReportsAMissingCamera) {
    const auto camera = open_camera(-1, "/dev/video-kitap-missing", {});
    ASSERT_FALSE(camera);
    EXPECT_EQ(camera.error().subject, "/dev/video-kitap-missing");
}

}  // namespace
}  // namespace kitap::devices
