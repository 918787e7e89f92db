#include "kiosk/gui/platform/audio.hpp"

#include "kiosk/gui/platform/embedded_assets.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace kitap::kiosk {
namespace {

TEST(Audio, TheEmbeddedSoundsArePlayablePcm) {
    for (auto wav : {embedded_assets().sound_success, embedded_assets().sound_error}) {
        const auto pcm = parse_wav(wav);
        ASSERT_TRUE(pcm);
        EXPECT_EQ(pcm->channels, 1);
        EXPECT_EQ(pcm->rate, 22050u);
        const double seconds = static_cast<double>(pcm->frames.size()) / 2 / pcm->rate;
        EXPECT_GT(seconds, 0.2);
        EXPECT_LT(seconds, 1.0) << "feedback must be short";
    }
}

TEST(Audio, AnythingElseIsRefused) {
    const unsigned char junk[] = "RIFF....WAVEjunk";
    EXPECT_FALSE(parse_wav({junk, sizeof junk}));
    EXPECT_FALSE(parse_wav({}));
}

// Without a sound device (CI, Xvfb) playing is silently nothing, and ending never waits long.
TEST(Audio, NoDeviceIsNoProblem) {
    SoundPlayer player(true);
    player.play(Sound::success);
    player.play(Sound::error);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

TEST(Audio, EmbeddedFontsAreThere) {
    EXPECT_GT(embedded_assets().font_regular.size(), 100000u);
    EXPECT_GT(embedded_assets().font_bold.size(), 100000u);
}

}  // namespace
}  // namespace kitap::kiosk
