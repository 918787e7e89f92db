#pragma once

#include "devices/symbology.hpp"

#include <opencv2/core.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kitap::devices::testing {

// A webcam recording in which a label is in view during some frames.
struct Appearance {
    int first_frame;
    int last_frame;  // inclusive
    Symbology symbology;
    std::string written;
};

// 640x360 frames: an empty shelf scene, with each appearance's label held up
// (moving a little from frame to frame) during its frames.
std::vector<cv::Mat> recording_frames(int frame_count, const std::vector<Appearance>& appearances);

// Writes them as an MJPEG .avi at `fps`; false when OpenCV cannot write one.
bool write_video(const std::filesystem::path& file, const std::vector<cv::Mat>& frames, double fps);
// Writes them as 0000.png, 0001.png... in `folder`.
void write_folder(const std::filesystem::path& folder, const std::vector<cv::Mat>& frames);

}  // namespace kitap::devices::testing
