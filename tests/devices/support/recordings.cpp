#include "tests/devices/support/recordings.hpp"

#include "tests/devices/support/synthetic_frames.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <cstdio>

namespace kitap::devices::testing {

std::vector<cv::Mat> recording_frames(int frame_count, const std::vector<Appearance>& appearances) {
    const SceneOptions shelf{.frame = {640, 360}, .noise_sigma = 3, .seed = 21};
    const auto empty = empty_scene(shelf);
    std::vector<cv::Mat> frames(frame_count, empty);
    for (const auto& appearance : appearances) {
        const auto label = render_barcode(appearance.symbology, appearance.written, 2, 60);
        for (int i = appearance.first_frame; i <= appearance.last_frame && i < frame_count; ++i) {
            auto held = shelf;
            held.center = {0.5f + 0.004f * static_cast<float>(i - appearance.first_frame), 0.5f};
            held.angle_deg = 3;
            frames[i] = scene_with(label, held);
        }
    }
    return frames;
}

bool write_video(const std::filesystem::path& file, const std::vector<cv::Mat>& frames, double fps) {
    cv::VideoWriter writer(file.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps, frames.at(0).size());
    if (!writer.isOpened()) return false;
    for (const auto& frame : frames) writer.write(frame);
    return true;
}

void write_folder(const std::filesystem::path& folder, const std::vector<cv::Mat>& frames) {
    std::filesystem::create_directories(folder);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "%04zu.png", i);
        cv::imwrite((folder / name).string(), frames[i]);
    }
}

}  // namespace kitap::devices::testing
