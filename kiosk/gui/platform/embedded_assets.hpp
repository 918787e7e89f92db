#pragma once

#include <cstddef>
#include <span>

namespace kitap::kiosk {

// Binary assets compiled into the executable (assets/fonts, assets/sounds).
struct EmbeddedAssets {
    std::span<const unsigned char> font_regular;  // Noto Sans (SIL OFL 1.1): every Kazakh letter
    std::span<const unsigned char> font_bold;
    std::span<const unsigned char> sound_success;  // 16-bit PCM WAV
    std::span<const unsigned char> sound_error;
};

const EmbeddedAssets& embedded_assets();

}  // namespace kitap::kiosk
