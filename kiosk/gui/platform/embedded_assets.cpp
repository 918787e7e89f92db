#include "kiosk/gui/platform/embedded_assets.hpp"

// Each file goes into .rodata between two symbols; CMake lists the files as
// OBJECT_DEPENDS of this source so that a changed asset rebuilds it.
#define KITAP_INCBIN(symbol, file)                   \
    __asm__(                                         \
        ".section .rodata\n"                         \
        ".balign 16\n"                               \
        ".global " #symbol "_begin\n" #symbol        \
        "_begin:\n"                                  \
        ".incbin \"" KITAP_ASSETS_DIR "/" file       \
        "\"\n"                                       \
        ".global " #symbol "_end\n" #symbol          \
        "_end:\n"                                    \
        ".byte 0\n"                                  \
        ".previous\n");                              \
    extern "C" const unsigned char symbol##_begin[]; \
    extern "C" const unsigned char symbol##_end[]

KITAP_INCBIN(kitap_font_regular, "fonts/NotoSans-Regular.ttf");
KITAP_INCBIN(kitap_font_bold, "fonts/NotoSans-Bold.ttf");
KITAP_INCBIN(kitap_sound_success, "sounds/success.wav");
KITAP_INCBIN(kitap_sound_error, "sounds/error.wav");

namespace kitap::kiosk {
namespace {

std::span<const unsigned char> between(const unsigned char* begin, const unsigned char* end) {
    return {begin, static_cast<std::size_t>(end - begin)};
}

}  // namespace

const EmbeddedAssets& embedded_assets() {
    static const EmbeddedAssets assets{
        .font_regular = between(kitap_font_regular_begin, kitap_font_regular_end),
        .font_bold = between(kitap_font_bold_begin, kitap_font_bold_end),
        .sound_success = between(kitap_sound_success_begin, kitap_sound_success_end),
        .sound_error = between(kitap_sound_error_begin, kitap_sound_error_end),
    };
    return assets;
}

}  // namespace kitap::kiosk
