#pragma once

#include <opencv2/core.hpp>

#include <cstddef>
#include <vector>

namespace kitap::devices {

// A region that looks like the bars of a 1D barcode.
struct BarcodeCandidate {
    cv::Point2f center;      // in the searched image's pixels
    cv::Size2f size;         // across the bars (width) x along them (height)
    float across_angle = 0;  // radians: direction across the bars; 0 when the bars stand upright
    float score = 0;         // larger is more barcode-like
};

// An upright copy of a candidate: bars vertical, with a quiet zone, and the
// affine map back to the image it came from.
struct UprightCrop {
    cv::Mat image;
    cv::Matx23d to_source;
};

// Finds 1D barcodes at any angle with the structure tensor: over bars the
// gradients are strong and all point one way (high coherence), over text,
// faces and shelves they do not. Runs on a copy at most `working_width` wide,
// so it costs about a millisecond on a 720p frame.
class BarcodeLocator {
public:
    explicit BarcodeLocator(int working_width = 640);

    // Best first, at most `max_candidates`.
    std::vector<BarcodeCandidate> find(const cv::Mat& gray, std::size_t max_candidates) const;

private:
    int working_width_;
};

// Rotates the candidate upright and cuts it out of `gray` with a margin around
// it, enlarged `scale` times (thin bars survive the rotation better enlarged).
UprightCrop crop_upright(const cv::Mat& gray, const BarcodeCandidate& candidate, double scale = 1);

}  // namespace kitap::devices
