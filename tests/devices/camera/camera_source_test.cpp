#include "devices/camera/camera_source.hpp"

#include "tests/devices/support/event_waiting.hpp"
#include "tests/devices/support/recordings.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

using namespace std::chrono_literals;
using namespace testing;
using kitap::testing::TempDir;

std::unique_ptr<CameraSource> recording_source(const std::filesystem::path& path, double folder_fps = 10) {
    return std::make_unique<CameraSource>(
        "video:" + path.string(), [path, folder_fps] { return open_recording(path, folder_fps); },
        CameraPipeline(std::move(*FrameDecoder::make()), {}), false, ReconnectOptions{20ms});
}

// Played at its own 30 fps, as a webcam would deliver it: a book held up for
// 0.8 s, put away for 1.3 s, held up again.
TEST(CameraSource, PlaysAVideoFileAsACameraAndReportsEachShowingOnce) {
    TempDir dir;
    ASSERT_TRUE(write_video(
        dir / "desk.avi",
        recording_frames(90, {{5, 28, Symbology::ean13, "9786010000018"}, {68, 89, Symbology::ean13, "9786010000018"}}),
        30));
    EventQueue queue;
    auto source = recording_source(dir / "desk.avi");
    const auto started = Clock::now();
    source->start(queue);
    const auto events = take_until(queue, has_status(SourceStatus::ended), 20s);
    EXPECT_GT(Clock::now() - started, 2500ms);  // paced at the file's rate, not as fast as it decodes
    EXPECT_EQ(scan_texts(events), (std::vector<std::string>{"9786010000018", "9786010000018"}));
    EXPECT_EQ(statuses(events), (std::vector{SourceStatus::connected, SourceStatus::ended}));
    for (const auto& event : events)
        if (const auto* scan = std::get_if<ScanEvent>(&event)) {
            EXPECT_EQ(scan->symbology, Symbology::ean13);
            EXPECT_EQ(scan->source, "video:" + (dir / "desk.avi").string());
        }
    const auto stats = source->stats();
    EXPECT_EQ(stats.captured, 90u);
    EXPECT_EQ(stats.decoded + stats.dropped, 90u);
    EXPECT_GT(stats.decode_ms_total, 0);
    EXPECT_GT(stats.decode_cpu_ms, 0);
}

TEST(CameraSource, OffersAnAnnotatedPreviewWhileRunning) {
    TempDir dir;
    write_folder(dir / "frames", recording_frames(20, {{0, 19, Symbology::ean13, "9786010000018"}}));
    EventQueue queue;
    auto source = recording_source(dir / "frames", 20);
    EXPECT_TRUE(source->preview().empty());
    source->start(queue);
    take_until(queue, has_scans(1));
    const auto preview = source->preview();
    ASSERT_FALSE(preview.empty());
    EXPECT_EQ(preview.type(), CV_8UC4);
    EXPECT_EQ(preview.size(), cv::Size(640, 360));
    // Somewhere the accepted code is outlined in green.
    cv::Mat green;
    cv::inRange(preview, cv::Scalar(30, 190, 50, 255), cv::Scalar(50, 210, 70, 255), green);
    EXPECT_GT(cv::countNonZero(green), 50);
    source->stop();
}

TEST(CameraSource, FailsForARecordingThatCannotBeOpened) {
    EventQueue queue;
    auto source = recording_source("/nonexistent/desk.avi");
    source->start(queue);
    const auto events = take_until(queue, has_status(SourceStatus::failed));
    ASSERT_EQ(statuses(events), std::vector{SourceStatus::failed});
    EXPECT_EQ(std::get<StatusEvent>(events[0]).detail, "no such file or folder");
}

TEST(CameraSource, KeepsLookingForAWebcamThatIsNotThere) {
    EventQueue queue;
    CameraSource source(
        "camera:/dev/video-kitap-missing", [] { return open_camera(-1, "/dev/video-kitap-missing", {}); },
        CameraPipeline(std::move(*FrameDecoder::make()), {}), true, ReconnectOptions{20ms});
    source.start(queue);
    EXPECT_EQ(statuses(take_until(queue, has_status(SourceStatus::lost))), std::vector{SourceStatus::lost});
    std::this_thread::sleep_for(100ms);
    EXPECT_TRUE(queue.drain().empty());  // retried quietly
    const auto before = Clock::now();
    source.stop();
    EXPECT_LT(Clock::now() - before, 1s);
}

}  // namespace
}  // namespace kitap::devices
