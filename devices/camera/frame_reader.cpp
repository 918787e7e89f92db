#include "devices/camera/frame_reader.hpp"

#include "devices/camera/frames_module.hpp"

namespace kitap::devices {
namespace {

// Loaded once, by whichever thread first needs it; a missing module stays
// missing for the life of the process.
const tl::expected<const FramesModule*, DeviceError>& frames_module() {
    static const auto module = load_frames_module(frames_module_directories());
    return module;
}

}  // namespace

tl::expected<std::unique_ptr<FrameReader>, DeviceError> open_recording(const std::filesystem::path& path,
                                                                       double folder_fps) {
    return frames_module().and_then(
        [&](const FramesModule* module) { return module->open_recording(path, folder_fps); });
}

tl::expected<std::unique_ptr<FrameReader>, DeviceError> open_camera(int index, const std::string& path,
                                                                    const CameraSettings& settings) {
    return frames_module().and_then(
        [&](const FramesModule* module) { return module->open_camera(index, path, settings); });
}

tl::expected<std::vector<std::filesystem::path>, DeviceError> list_images(const std::filesystem::path& folder) {
    return frames_module().and_then(
        [&](const FramesModule* module) -> tl::expected<std::vector<std::filesystem::path>, DeviceError> {
            auto files = module->list_images(folder);
            if (!files)
                return tl::unexpected(DeviceError{folder.string(), DeviceError::npos, "cannot list the folder"});
            return std::move(*files);
        });
}

tl::expected<cv::Mat, DeviceError> read_image(const std::filesystem::path& file) {
    return frames_module().and_then(
        [&](const FramesModule* module) -> tl::expected<cv::Mat, DeviceError> { return module->read_image(file); });
}

}  // namespace kitap::devices
