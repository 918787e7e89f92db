#include "kiosk/gui/platform/audio.hpp"

#include "kiosk/gui/platform/embedded_assets.hpp"

#include <alsa/asoundlib.h>

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

namespace kitap::kiosk {
namespace {

std::uint32_t read_u32(const unsigned char* p) { return p[0] | p[1] << 8 | p[2] << 16 | std::uint32_t(p[3]) << 24; }
std::uint16_t read_u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }

void ignore_alsa_errors(const char*, int, const char*, int, const char*, ...) {}

void play_through_alsa(const Pcm& pcm) {
    snd_pcm_t* device = nullptr;
    if (snd_pcm_open(&device, "default", SND_PCM_STREAM_PLAYBACK, 0) < 0) return;
    if (snd_pcm_set_params(device, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, pcm.channels, pcm.rate, 1,
                           100000) == 0) {
        const snd_pcm_uframes_t frames = pcm.frames.size() / (2 * pcm.channels);
        snd_pcm_uframes_t written = 0;
        while (written < frames) {
            const auto n = snd_pcm_writei(device, pcm.frames.data() + written * 2 * pcm.channels, frames - written);
            if (n < 0) {
                if (snd_pcm_recover(device, static_cast<int>(n), 1) < 0) break;
                continue;
            }
            written += static_cast<snd_pcm_uframes_t>(n);
        }
        snd_pcm_drain(device);
    }
    snd_pcm_close(device);
}

}  // namespace

// Reads the "fmt " and "data" chunks; anything but 16-bit PCM is nullopt.
std::optional<Pcm> parse_wav(std::span<const unsigned char> wav) {
    if (wav.size() < 12 || std::memcmp(wav.data(), "RIFF", 4) != 0 || std::memcmp(wav.data() + 8, "WAVE", 4) != 0)
        return std::nullopt;
    Pcm pcm;
    bool is_16_bit_pcm = false;
    for (std::size_t at = 12; at + 8 <= wav.size();) {
        const std::string_view id(reinterpret_cast<const char*>(wav.data() + at), 4);
        const std::size_t size = read_u32(wav.data() + at + 4);
        const std::size_t body = at + 8;
        if (body + size > wav.size()) break;
        if (id == "fmt " && size >= 16) {
            is_16_bit_pcm = read_u16(wav.data() + body) == 1 && read_u16(wav.data() + body + 14) == 16;
            pcm.channels = read_u16(wav.data() + body + 2);
            pcm.rate = read_u32(wav.data() + body + 4);
        } else if (id == "data") {
            pcm.frames = wav.subspan(body, size);
        }
        at = body + size + (size & 1);
    }
    if (!is_16_bit_pcm || pcm.channels < 1 || pcm.rate == 0 || pcm.frames.empty()) return std::nullopt;
    return pcm;
}

SoundPlayer::SoundPlayer(bool enabled) : enabled_(enabled) {
    if (enabled_) thread_ = std::thread([this] { run(); });
}

SoundPlayer::~SoundPlayer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SoundPlayer::play(Sound sound) {
    if (!enabled_) return;
    {
        std::lock_guard lock(mutex_);
        pending_ = sound;
    }
    changed_.notify_all();
}

void SoundPlayer::run() {
    snd_lib_error_set_handler(ignore_alsa_errors);  // no sound card is not a problem worth a line
    const auto success = parse_wav(embedded_assets().sound_success);
    const auto error = parse_wav(embedded_assets().sound_error);
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [this] { return stopping_ || pending_; });
        if (stopping_) break;
        const Sound sound = *pending_;
        pending_.reset();
        lock.unlock();
        const auto& pcm = sound == Sound::success ? success : error;
        if (pcm) play_through_alsa(*pcm);
        lock.lock();
    }
    snd_config_update_free_global();
}

}  // namespace kitap::kiosk
