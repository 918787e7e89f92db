#include "kiosk/gui/platform/screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <cstdio>
#include <cstring>
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
    // Written beside and renamed, so that whoever watches the folder never reads half a file.
    const std::filesystem::path partial = path.string() + ".part";
    if (!stbi_write_png(partial.c_str(), width, height, 4, flipped.data(), static_cast<int>(row))) return false;
    std::filesystem::rename(partial, path, error);
    return !error;
}

std::filesystem::path ScreenshotNamer::next(std::string_view screen) {
    char number[16];
    std::snprintf(number, sizeof number, "%04d", ++count_);
    return folder_ / (std::string(number) + "-" + std::string(screen) + ".png");
}

}  // namespace kitap::kiosk
