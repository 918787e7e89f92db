#include "devices/camera/video_capture_frames.hpp"

namespace kitap::devices {
namespace {

// Files without a usable rate are played at the PAL rate rather than as fast as possible.
constexpr double fallback_fps = 25;

}  // namespace

VideoCaptureFrames::VideoCaptureFrames(const cv::VideoCapture& capture, bool live)
    : capture_(capture), live_(live), fps_(capture_.get(cv::CAP_PROP_FPS)) {
    if (!(fps_ > 0 && fps_ < 1000)) fps_ = fallback_fps;
}

std::optional<cv::Mat> VideoCaptureFrames::next() {
    // A fresh Mat every time: the previous frame may still be in the decoder's hands.
    cv::Mat frame;
    try {
        if (!capture_.read(frame) || frame.empty()) return std::nullopt;
    } catch (const cv::Exception&) {
        return std::nullopt;
    }
    return frame;
}

}  // namespace kitap::devices
