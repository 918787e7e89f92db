#pragma once

#include "devices/symbology.hpp"

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>

namespace kitap::devices::testing {

// A barcode as zxing's writer draws it: black on white, `module_px` pixels per
// module, with a quiet zone; 1D codes `bar_height_px` tall. Text as the writer
// wants it (Codabar with its start/stop characters, EAN-13 with 12 or 13 digits).
cv::Mat render_barcode(Symbology symbology, const std::string& text, int module_px, int bar_height_px = 0);

// How a webcam sees a label held up to it.
struct SceneOptions {
    cv::Size frame{1280, 720};
    cv::Point2f center{0.5f, 0.5f};  // of the label, relative to the frame
    double angle_deg = 0;            // in the image plane
    double perspective = 0;          // 0..0.4: how much the label's far side shrinks
    double blur_sigma = 0;           // defocus
    double noise_sigma = 0;          // sensor noise, in gray levels
    double lighting = 0;             // 0..1: an uneven light falling across the frame
    double contrast = 1;             // 1: black on white; 0.4: washed out
    int jpeg_quality = 0;            // 0: lossless; else the JPEG quality it went through
    bool clutter = true;             // shelves, covers and print around the label
    std::uint64_t seed = 1;
};

// A 1280x720 (by default) BGR frame with no barcode in it.
cv::Mat empty_scene(const SceneOptions& options);
// The label placed, warped and degraded in such a scene.
cv::Mat scene_with(const cv::Mat& label, const SceneOptions& options);

// A valid ISBN-13 (978 + 9 digits from `seed` + check digit).
std::string isbn_from_seed(std::uint64_t seed);

}  // namespace kitap::devices::testing
