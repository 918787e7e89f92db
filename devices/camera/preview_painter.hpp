#pragma once

#include <opencv2/core.hpp>

#include <array>
#include <string>
#include <vector>

namespace kitap::devices {

enum class OutlineKind {
    accepted,     // reported as a scan (or suppressed as one already reported)
    unconfirmed,  // valid, waiting for its confirming read
    rejected,     // decoded but not valid: a price code, a partial read
};

struct PreviewOverlay {
    std::array<cv::Point2f, 4> outline{};
    OutlineKind kind = OutlineKind::accepted;
    std::string label;
};

// The frame the kiosk shows under its camera view: RGBA (ready for a texture
// upload), with each decoded code outlined green, yellow or red and labelled.
// zxing outlines a 1D read by the rows it used; such thin outlines are widened
// so a pupil can see them.
cv::Mat paint_preview(const cv::Mat& frame, const std::vector<PreviewOverlay>& overlays);

}  // namespace kitap::devices
