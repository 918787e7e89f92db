#include "devices/camera/camera_pipeline.hpp"

#include "tests/devices/support/recordings.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

using namespace std::chrono_literals;
using namespace testing;

CameraPipeline pipeline() { return {std::move(*FrameDecoder::make()), ConfirmationOptions{}}; }

struct Accepted {
    int frame;
    std::string text;
    bool operator==(const Accepted&) const = default;
};

std::vector<Accepted> play(CameraPipeline& camera, const std::vector<cv::Mat>& frames, double fps) {
    std::vector<Accepted> accepted;
    const auto start = Clock::now();
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const auto time = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(i / fps));
        const auto step = camera.process(frames[i], time);
        if (step.accepted) accepted.push_back({static_cast<int>(i), step.accepted->text});
    }
    return accepted;
}

TEST(CameraPipeline, ReportsABookOnceWhileHeldAndAgainAfterItLeftTheView) {
    // 10 fps: the ISBN in view for a second, away 1.5 s, back; then a card.
    const auto frames = recording_frames(60, {{5, 14, Symbology::ean13, "9786010000018"},
                                              {30, 36, Symbology::ean13, "9786010000018"},
                                              {45, 52, Symbology::codabar, "A20000014B"}});
    auto camera = pipeline();
    EXPECT_EQ(play(camera, frames, 10),
              (std::vector<Accepted>{{5, "9786010000018"}, {30, "9786010000018"}, {46, "20000014"}}));
}

TEST(CameraPipeline, DoesNotReportABookThatLeftOnlyBriefly) {
    const auto frames =
        recording_frames(30, {{2, 10, Symbology::ean13, "9786010000018"}, {14, 20, Symbology::ean13, "9786010000018"}});
    auto camera = pipeline();
    EXPECT_EQ(play(camera, frames, 10), (std::vector<Accepted>{{2, "9786010000018"}}));
}

TEST(CameraPipeline, TellsWhatHappenedToEachRead) {
    const auto frames = recording_frames(3, {{0, 2, Symbology::codabar, "A20000014B"}});
    auto camera = pipeline();
    const auto start = Clock::now();
    EXPECT_EQ(camera.process(frames[0], start).fate, ReadFate::waiting);
    EXPECT_EQ(camera.process(frames[1], start + 100ms).fate, ReadFate::accepted);
    EXPECT_EQ(camera.process(frames[2], start + 200ms).fate, ReadFate::repeated);
}

}  // namespace
}  // namespace kitap::devices
