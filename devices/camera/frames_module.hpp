#pragma once

#include "devices/camera/frame_reader.hpp"
#include "devices/device_error.hpp"

#include <opencv2/core.hpp>
#include <tl/expected.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kitap::devices {

// What kitap-frames.so hands kitap_devices: everything that needs OpenCV's
// imgcodecs and videoio, which bring some 200 libraries (FFmpeg, GStreamer,
// GDAL...) that a kiosk without a camera should not map. The module is loaded
// the first time a camera, a recording or an image is opened. Both sides are
// built from this header: bump the version whenever the table or a type it
// passes changes, so a stale module is refused rather than called.
struct FramesModule {
    static constexpr int current_version = 1;

    int version;
    tl::expected<std::unique_ptr<FrameReader>, DeviceError> (*open_recording)(const std::filesystem::path& path,
                                                                              double folder_fps);
    tl::expected<std::unique_ptr<FrameReader>, DeviceError> (*open_camera)(int index, const std::string& path,
                                                                           const CameraSettings& settings);
    std::optional<std::vector<std::filesystem::path>> (*list_images)(const std::filesystem::path& folder);
    cv::Mat (*read_image)(const std::filesystem::path& file);
};

inline constexpr const char* frames_module_file = "kitap-frames.so";

// Where the module is looked for, in order: $KITAP_MODULE_DIR, the executable's
// folder, and where the package installs it relative to the executable.
std::vector<std::filesystem::path> frames_module_directories();

// The module in the first of `directories` that holds it, loaded for the life
// of the process (frame readers it made may live until exit); an error saying
// where it was looked for, or why the file found there cannot be used.
tl::expected<const FramesModule*, DeviceError> load_frames_module(
    const std::vector<std::filesystem::path>& directories);

}  // namespace kitap::devices

// The module's one entry point, found with dlsym.
extern "C" const kitap::devices::FramesModule* kitap_frames_module();
