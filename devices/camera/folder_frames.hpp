#pragma once

#include "devices/camera/frame_reader.hpp"

#include <cstddef>
#include <filesystem>
#include <vector>

namespace kitap::devices {

// The image files of a folder (png, jpg, bmp, tiff, webp, pgm/ppm), in name
// order, as the frames of a recording.
class FolderFrames final : public FrameReader {
public:
    FolderFrames(std::vector<std::filesystem::path> files, double fps);

    // Nullopt when the folder cannot be listed; an empty list when it holds no images.
    static std::optional<std::vector<std::filesystem::path>> list_images(const std::filesystem::path& folder);

    std::optional<cv::Mat> next() override;
    double fps() const override { return fps_; }
    bool is_live() const override { return false; }

private:
    std::vector<std::filesystem::path> files_;
    std::size_t next_ = 0;
    double fps_;
};

}  // namespace kitap::devices
