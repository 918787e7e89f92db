#include "kiosk/gui/platform/texture.hpp"

#include <GL/gl.h>

#include <cstdint>

namespace kitap::kiosk {

PreviewTexture::~PreviewTexture() {
    if (texture_) glDeleteTextures(1, &texture_);
}

void PreviewTexture::upload(const cv::Mat& rgba) {
    if (rgba.empty() || rgba.type() != CV_8UC4) return;
    const cv::Mat pixels = rgba.isContinuous() ? rgba : rgba.clone();
    if (!texture_) {
        glGenTextures(1, &texture_);
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP);
    }
    glBindTexture(GL_TEXTURE_2D, texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (pixels.cols != width_ || pixels.rows != height_) {
        width_ = pixels.cols;
        height_ = pixels.rows;
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width_, height_, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data);
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data);
    }
}

ImTextureID PreviewTexture::id() const { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture_)); }

}  // namespace kitap::kiosk
