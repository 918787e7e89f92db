#include "devices/camera/folder_frames.hpp"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <system_error>
#include <utility>

namespace kitap::devices {
namespace {

bool is_image(const std::filesystem::path& file) {
    constexpr std::array extensions{".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm"};
    auto extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(extensions.begin(), extensions.end(), std::string_view(extension)) != extensions.end();
}

}  // namespace

FolderFrames::FolderFrames(std::vector<std::filesystem::path> files, double fps)
    : files_(std::move(files)), fps_(fps > 0 ? fps : 10) {}

std::optional<std::vector<std::filesystem::path>> FolderFrames::list_images(const std::filesystem::path& folder) {
    std::error_code error;
    std::filesystem::directory_iterator entries(folder, error);
    if (error) return std::nullopt;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : entries)
        if (entry.is_regular_file(error) && is_image(entry.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::optional<cv::Mat> FolderFrames::next() {
    if (next_ == files_.size()) return std::nullopt;
    try {
        return cv::imread(files_[next_++].string(), cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
        return cv::Mat();  // a damaged file is an empty frame, not the end of the recording
    }
}

}  // namespace kitap::devices
