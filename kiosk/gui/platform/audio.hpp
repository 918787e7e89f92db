#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <span>
#include <thread>

namespace kitap::kiosk {

enum class Sound { success, error };

// The samples of a 16-bit PCM RIFF/WAVE file (what assets/sounds holds).
struct Pcm {
    int channels = 0;
    unsigned rate = 0;
    std::span<const unsigned char> frames;  // 16-bit little-endian samples, interleaved
};
std::optional<Pcm> parse_wav(std::span<const unsigned char> wav);

// Plays the embedded success and error sounds through ALSA's default device on
// its own thread, so the UI never waits. Without a sound device (or with --mute)
// it stays silent; nothing is ever reported to pupils.
class SoundPlayer {
public:
    explicit SoundPlayer(bool enabled);
    ~SoundPlayer();
    SoundPlayer(const SoundPlayer&) = delete;
    SoundPlayer& operator=(const SoundPlayer&) = delete;

    // Queues `sound`; a newer sound replaces one still waiting.
    void play(Sound sound);

private:
    void run();

    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<Sound> pending_;
    bool stopping_ = false;
    bool enabled_;
    std::thread thread_;
};

}  // namespace kitap::kiosk
