#pragma once

#include "devices/camera/frame_reader.hpp"

#include <opencv2/videoio.hpp>

namespace kitap::devices {

// Frames from OpenCV's VideoCapture: a webcam (V4L2) or a video file (FFmpeg).
class VideoCaptureFrames final : public FrameReader {
public:
    // Copies of a cv::VideoCapture share one open device or file.
    VideoCaptureFrames(const cv::VideoCapture& capture, bool live);

    std::optional<cv::Mat> next() override;
    double fps() const override { return fps_; }
    bool is_live() const override { return live_; }

private:
    cv::VideoCapture capture_;
    bool live_;
    double fps_;
};

}  // namespace kitap::devices
