#include "kiosk/gui/platform/screenshot.hpp"

#include "core/db/private_files.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace kitap::kiosk {

bool write_framebuffer_png(const std::filesystem::path& path, int width, int height) {
    if (width <= 0 || height <= 0) return false;
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows start at the bottom; PNG's at the top.
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < height; ++y) std::memcpy(flipped.data() + y * row, pixels.data() + (height - 1 - y) * row, row);
    for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // the screen is opaque
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    std::string png;
    auto append = [](void* out, void* data, int size) {
        static_cast<std::string*>(out)->append(static_cast<char*>(data), size);
    };
    if (!stbi_write_png_to_func(append, &png, width, height, 4, flipped.data(), static_cast<int>(row))) return false;
    // A screen shows pupils' names: written whole, owner-only, never through a link.
    try {
        core::write_private_file(path, png);
        return true;
    } catch (const std::filesystem::filesystem_error&) {
        return false;
    }
}

std::filesystem::path ScreenshotNamer::next(std::string_view screen) {
    char number[16];
    std::snprintf(number, sizeof number, "%04d", ++count_);
    return folder_ / (std::string(number) + "-" + std::string(screen) + ".png");
}

}  // namespace kitap::kiosk
