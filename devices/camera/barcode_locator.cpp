#include "devices/camera/barcode_locator.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace kitap::devices {
namespace {

// The tensor is averaged over windows at half the working resolution: the
// products are computed where the bars are still resolved, then pooled.
constexpr int tensor_window = 5;             // px at half working scale: a few bars wide
constexpr float min_coherence = 0.6f;        // (l1 - l2) / (l1 + l2) of the smoothed tensor
constexpr float min_anisotropy = 2500.0f;    // (l1 - l2): weak textures are no print
constexpr float min_blob_coherence = 0.75f;  // of the tensor averaged over a whole blob
constexpr float min_alignment = 0.85f;       // share of a pixel's gradient energy across the blob's bars
constexpr float min_across = 24.0f;          // px at working scale: narrower is an edge, not bars
constexpr float min_along = 6.0f;
// Linear codes are wider than tall (EAN-13 1.4:1, labels more); blocks of text
// lines, whose stacked strokes are coherent too, are taller than wide.
constexpr float min_across_to_along = 0.7f;
constexpr float quiet_zone = 0.15f;  // of the width, added on both sides of the crop

struct Tensor {
    cv::Mat xx, yy, xy;
};

Tensor pooled_tensor(const cv::Mat& small) {
    cv::Mat gx, gy;
    cv::Sobel(small, gx, CV_32F, 1, 0, 3);
    cv::Sobel(small, gy, CV_32F, 0, 1, 3);
    Tensor t;
    const cv::Size half(small.cols / 2, small.rows / 2);
    cv::resize(gx.mul(gx), t.xx, half, 0, 0, cv::INTER_AREA);
    cv::resize(gy.mul(gy), t.yy, half, 0, 0, cv::INTER_AREA);
    cv::resize(gx.mul(gy), t.xy, half, 0, 0, cv::INTER_AREA);
    const cv::Size window(tensor_window, tensor_window);
    cv::boxFilter(t.xx, t.xx, -1, window);
    cv::boxFilter(t.yy, t.yy, -1, window);
    cv::boxFilter(t.xy, t.xy, -1, window);
    return t;
}

// Pixels that look like bars: strong, one-directional gradients.
cv::Mat bar_mask(const Tensor& t) {
    cv::Mat difference = t.xx - t.yy;
    cv::Mat anisotropy;
    cv::magnitude(difference, 2 * t.xy, anisotropy);  // l1 - l2
    cv::Mat energy = t.xx + t.yy;                     // l1 + l2
    cv::Mat mask = (anisotropy > min_anisotropy) & (anisotropy > min_coherence * energy);
    // Opening removes the thin coherent bands along single edges (a book's spine).
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    return mask;
}

// The tensor averaged over a whole blob: its direction is the blob's direction
// across the bars, and its coherence how much the blob agrees on it (the bars of
// a barcode all do; letters and shelf edges point every way).
struct BlobOrientation {
    float across_angle = 0;
    float coherence = 0;
};

BlobOrientation blob_orientation(const Tensor& t, const cv::Rect& box, const cv::Mat& blob) {
    const double xx = cv::mean(t.xx(box), blob)[0], yy = cv::mean(t.yy(box), blob)[0];
    const double xy = cv::mean(t.xy(box), blob)[0];
    return {static_cast<float>(0.5 * std::atan2(2 * xy, xx - yy)),
            static_cast<float>(std::hypot(xx - yy, 2 * xy) / std::max(xx + yy, 1e-6))};
}

// A blob often runs into the label's edges and the clutter beside it; keep only
// its largest part whose gradients point across the bars.
std::vector<cv::Point> aligned_core(const Tensor& t, const cv::Rect& box, const cv::Mat& blob, float angle) {
    const float c = std::cos(angle), s = std::sin(angle);
    cv::Mat along_angle = t.xx(box) * (c * c) + t.xy(box) * (2 * c * s) + t.yy(box) * (s * s);
    cv::Mat energy = t.xx(box) + t.yy(box);
    cv::Mat aligned = blob & (along_angle > min_alignment * energy);
    std::vector<std::vector<cv::Point>> parts;
    cv::findContours(aligned, parts, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE, box.tl());
    if (parts.empty()) return {};
    return *std::max_element(parts.begin(), parts.end(),
                             [](const auto& a, const auto& b) { return cv::contourArea(a) < cv::contourArea(b); });
}

// The blob as a candidate, if it is shaped and oriented like the bars of a 1D code.
std::optional<BarcodeCandidate> candidate_from(const Tensor& t, const std::vector<cv::Point>& contour, float to_image) {
    const auto box = cv::boundingRect(contour);
    if (std::hypot(box.width, box.height) * 2 < min_across) return std::nullopt;  // most blobs: skip them cheaply
    cv::Mat blob = cv::Mat::zeros(box.size(), CV_8U);
    cv::drawContours(blob, std::vector<std::vector<cv::Point>>{contour}, 0, 255, cv::FILLED, cv::LINE_8, cv::noArray(),
                     0, -box.tl());
    const auto orientation = blob_orientation(t, box, blob);
    if (orientation.coherence < min_blob_coherence) return std::nullopt;
    const auto core = aligned_core(t, box, blob, orientation.across_angle);
    // Extent of the core across and along the bars.
    const cv::Point2f across(std::cos(orientation.across_angle), std::sin(orientation.across_angle));
    const cv::Point2f along(-across.y, across.x);
    float min_u = 1e9f, max_u = -1e9f, min_v = 1e9f, max_v = -1e9f;
    for (const auto& p : core) {
        const cv::Point2f q(p);
        min_u = std::min(min_u, q.dot(across)), max_u = std::max(max_u, q.dot(across));
        min_v = std::min(min_v, q.dot(along)), max_v = std::max(max_v, q.dot(along));
    }
    const float width = (max_u - min_u) * 2, height = (max_v - min_v) * 2;  // at working scale
    if (core.empty() || width < min_across || height < min_along || width < min_across_to_along * height)
        return std::nullopt;
    const cv::Point2f center = across * ((min_u + max_u) / 2) + along * ((min_v + max_v) / 2);
    return BarcodeCandidate{.center = center * to_image,
                            .size = cv::Size2f((max_u - min_u) * to_image, (max_v - min_v) * to_image),
                            .across_angle = orientation.across_angle,
                            .score = static_cast<float>(cv::contourArea(core)) * orientation.coherence};
}

}  // namespace

BarcodeLocator::BarcodeLocator(int working_width) : working_width_(working_width) {}

std::vector<BarcodeCandidate> BarcodeLocator::find(const cv::Mat& gray, std::size_t max_candidates) const {
    if (gray.empty() || max_candidates == 0) return {};
    const double scale = std::min(1.0, static_cast<double>(working_width_) / gray.cols);
    cv::Mat small;
    if (scale < 1.0)
        cv::resize(gray, small, {}, scale, scale, cv::INTER_AREA);
    else
        small = gray;
    const auto tensor = pooled_tensor(small);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(bar_mask(tensor), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);

    const float to_image = 2 / static_cast<float>(scale);  // contour pixels are at half working scale
    std::vector<BarcodeCandidate> candidates;
    for (const auto& contour : contours)
        if (auto candidate = candidate_from(tensor, contour, to_image)) candidates.push_back(*candidate);
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    if (candidates.size() > max_candidates) candidates.resize(max_candidates);
    return candidates;
}

UprightCrop crop_upright(const cv::Mat& gray, const BarcodeCandidate& candidate, double scale) {
    const double width = (candidate.size.width * (1 + 2 * quiet_zone) + 16) * scale;
    const double height = (candidate.size.height + 16) * scale;
    const double c = std::cos(candidate.across_angle) * scale, s = std::sin(candidate.across_angle) * scale;
    // Rotates the across-the-bars direction onto +x (and scales) around the candidate's centre.
    const cv::Matx22d rotation(c, s, -s, c);
    const cv::Vec2d shift =
        cv::Vec2d(width / 2, height / 2) - rotation * cv::Vec2d(candidate.center.x, candidate.center.y);
    const cv::Matx23d to_crop(rotation(0, 0), rotation(0, 1), shift[0], rotation(1, 0), rotation(1, 1), shift[1]);
    UprightCrop crop;
    cv::warpAffine(gray, crop.image, to_crop, cv::Size(cvRound(width), cvRound(height)),
                   scale > 1 ? cv::INTER_CUBIC : cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::invertAffineTransform(to_crop, crop.to_source);
    return crop;
}

}  // namespace kitap::devices
