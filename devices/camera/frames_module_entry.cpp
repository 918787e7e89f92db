// kitap-frames.so: everything that needs OpenCV's imgcodecs and videoio, behind
// the one entry point kitap_devices looks up (see frames_module.hpp).
#include "devices/camera/folder_frames.hpp"
#include "devices/camera/frames_module.hpp"
#include "devices/camera/video_capture_frames.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio/registry.hpp>

#include <system_error>

namespace kitap::devices {
namespace {

tl::unexpected<DeviceError> cannot(const std::string& what, std::string reason) {
    return tl::unexpected(DeviceError{what, DeviceError::npos, std::move(reason)});
}

tl::expected<std::unique_ptr<FrameReader>, DeviceError> open_recording(const std::filesystem::path& path,
                                                                       double folder_fps) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        auto files = FolderFrames::list_images(path);
        if (!files) return cannot(path.string(), "cannot list the folder");
        if (files->empty()) return cannot(path.string(), "no image files in the folder");
        return std::make_unique<FolderFrames>(std::move(*files), folder_fps);
    }
    if (!std::filesystem::exists(path, error)) return cannot(path.string(), "no such file or folder");
    try {
        // FFmpeg when OpenCV has it: CAP_ANY would also try GStreamer, image
        // sequences and FireWire on every file, noisily and leaking in libusb.
        const int backend = cv::videoio_registry::hasBackend(cv::CAP_FFMPEG) ? cv::CAP_FFMPEG : cv::CAP_ANY;
        cv::VideoCapture capture(path.string(), backend);
        if (!capture.isOpened()) return cannot(path.string(), "not a video file OpenCV can read");
        return std::make_unique<VideoCaptureFrames>(capture, false);
    } catch (const cv::Exception& e) {
        return cannot(path.string(), e.what());
    }
}

tl::expected<std::unique_ptr<FrameReader>, DeviceError> open_camera(int index, const std::string& path,
                                                                    const CameraSettings& settings) {
    const std::string name = index >= 0 ? "camera " + std::to_string(index) : path;
    try {
        cv::VideoCapture capture;
        const bool opened = index >= 0 ? capture.open(index, cv::CAP_V4L2) : capture.open(path, cv::CAP_V4L2);
        if (!opened) return cannot(name, "cannot open the camera");
        // USB 2 webcams deliver 720p at 30 fps only as MJPEG; YUYV would drop to 5-10 fps.
        capture.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'));
        capture.set(cv::CAP_PROP_FRAME_WIDTH, settings.width);
        capture.set(cv::CAP_PROP_FRAME_HEIGHT, settings.height);
        capture.set(cv::CAP_PROP_FPS, settings.fps);
        capture.set(cv::CAP_PROP_BUFFERSIZE, 1);  // the newest frame, not one from a queue
        return std::make_unique<VideoCaptureFrames>(capture, true);
    } catch (const cv::Exception& e) {
        return cannot(name, e.what());
    }
}

cv::Mat read_image(const std::filesystem::path& file) {
    try {
        return cv::imread(file.string(), cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
        return {};  // a file OpenCV chokes on is no image
    }
}

constexpr FramesModule frames_module{
    .version = FramesModule::current_version,
    .open_recording = open_recording,
    .open_camera = open_camera,
    .list_images = FolderFrames::list_images,
    .read_image = read_image,
};

}  // namespace
}  // namespace kitap::devices

extern "C" const kitap::devices::FramesModule* kitap_frames_module() { return &kitap::devices::frames_module; }
