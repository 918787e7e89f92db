#pragma once

#include <imgui.h>
#include <opencv2/core.hpp>

namespace kitap::kiosk {

// One OpenGL texture holding the newest camera preview (RGBA).
class PreviewTexture {
public:
    PreviewTexture() = default;
    ~PreviewTexture();
    PreviewTexture(const PreviewTexture&) = delete;
    PreviewTexture& operator=(const PreviewTexture&) = delete;

    void upload(const cv::Mat& rgba);
    bool empty() const { return texture_ == 0; }
    ImTextureID id() const;
    ImVec2 size() const { return {static_cast<float>(width_), static_cast<float>(height_)}; }

private:
    unsigned int texture_ = 0;
    int width_ = 0;
    int height_ = 0;
};

}  // namespace kitap::kiosk
