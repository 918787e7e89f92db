#pragma once

#include "devices/device_error.hpp"

#include <opencv2/core.hpp>
#include <tl/expected.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kitap::devices {

// Where camera frames come from: a webcam, a video file or a folder of images.
class FrameReader {
public:
    FrameReader() = default;
    FrameReader(const FrameReader&) = delete;
    FrameReader& operator=(const FrameReader&) = delete;
    FrameReader(FrameReader&&) = delete;
    FrameReader& operator=(FrameReader&&) = delete;
    virtual ~FrameReader() = default;

    // The next frame in a fresh cv::Mat (an empty one for a folder's unreadable
    // file, so frame numbers stay those of the files); nullopt at the end of a
    // file, or when a webcam stops delivering.
    virtual std::optional<cv::Mat> next() = 0;
    // Frames per second: the file's rate (what a recording is played at) or the camera's.
    virtual double fps() const = 0;
    // A webcam delivers at its own pace and may come back after a loss; files are paced by us.
    virtual bool is_live() const = 0;
};

// The functions below need OpenCV's imgcodecs and videoio: they load the
// kitap-frames module on first use (frames_module.hpp) and say so in their
// error when it cannot be loaded.

// A video file, or a folder of frames played in name order at `folder_fps`.
tl::expected<std::unique_ptr<FrameReader>, DeviceError> open_recording(const std::filesystem::path& path,
                                                                       double folder_fps);

struct CameraSettings {
    int width = 1280;  // asked of the webcam; it may pick the nearest it has
    int height = 720;
    double fps = 30;
};

// camera:N (index >= 0) or camera:/dev/videoN (through V4L2).
tl::expected<std::unique_ptr<FrameReader>, DeviceError> open_camera(int index, const std::string& path,
                                                                    const CameraSettings& settings);

// The image files of a folder (png, jpg, bmp, tiff, webp, pgm/ppm), in name order.
tl::expected<std::vector<std::filesystem::path>, DeviceError> list_images(const std::filesystem::path& folder);

// An image file in colour; an empty cv::Mat when it is no image OpenCV can read.
tl::expected<cv::Mat, DeviceError> read_image(const std::filesystem::path& file);

}  // namespace kitap::devices
