#include "devices/camera/preview_painter.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace kitap::devices {
namespace {

constexpr float min_outline_half_height = 14;

cv::Scalar rgba_of(OutlineKind kind) {
    switch (kind) {
        case OutlineKind::accepted:
            return {40, 200, 60, 255};
        case OutlineKind::unconfirmed:
            return {240, 200, 40, 255};
        case OutlineKind::rejected:
            return {220, 50, 50, 255};
    }
    return {255, 255, 255, 255};
}

cv::Mat to_rgba(const cv::Mat& frame) {
    cv::Mat rgba;
    switch (frame.channels()) {
        case 1:
            cv::cvtColor(frame, rgba, cv::COLOR_GRAY2RGBA);
            break;
        case 4:
            cv::cvtColor(frame, rgba, cv::COLOR_BGRA2RGBA);
            break;
        default:
            cv::cvtColor(frame, rgba, cv::COLOR_BGR2RGBA);
            break;
    }
    return rgba;
}

// A 1D read's outline is a line (top and bottom rows nearly equal): grow it
// across its direction into a visible band.
std::vector<cv::Point> visible_outline(const std::array<cv::Point2f, 4>& outline) {
    const cv::Point2f left = (outline[0] + outline[3]) * 0.5f, right = (outline[1] + outline[2]) * 0.5f;
    const cv::Point2f up = outline[0] - outline[3];
    std::array<cv::Point2f, 4> shown = outline;
    if (std::hypot(up.x, up.y) < 2 * min_outline_half_height) {
        cv::Point2f direction = right - left;
        const float length = std::hypot(direction.x, direction.y);
        const cv::Point2f normal = length > 0 ? cv::Point2f(direction.y, -direction.x) / length : cv::Point2f(0, -1);
        const cv::Point2f grow = normal * min_outline_half_height;
        shown = {left + grow, right + grow, right - grow, left - grow};
    }
    return {shown.begin(), shown.end()};
}

}  // namespace

cv::Mat paint_preview(const cv::Mat& frame, const std::vector<PreviewOverlay>& overlays) {
    if (frame.empty()) return {};
    cv::Mat rgba = to_rgba(frame);
    const int thickness = std::max(2, rgba.cols / 400);
    for (const auto& overlay : overlays) {
        const auto polygon = visible_outline(overlay.outline);
        cv::polylines(rgba, polygon, true, rgba_of(overlay.kind), thickness, cv::LINE_AA);
        const cv::Point anchor = polygon[0] + cv::Point(0, -thickness * 3);
        cv::putText(rgba, overlay.label, anchor, cv::FONT_HERSHEY_SIMPLEX, 0.4 * thickness, rgba_of(overlay.kind),
                    thickness, cv::LINE_AA);
    }
    return rgba;
}

}  // namespace kitap::devices
