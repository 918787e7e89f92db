#include "devices/camera/barcode_locator.hpp"

#include "tests/devices/support/synthetic_frames.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace kitap::devices {
namespace {

using namespace testing;

cv::Mat gray(const cv::Mat& frame) {
    cv::Mat out;
    cv::cvtColor(frame, out, cv::COLOR_BGR2GRAY);
    return out;
}

double degrees(float radians) { return radians * 180 / CV_PI; }

// Bars at `angle` degrees from upright: the direction across them is at `angle` too (mod 180).
double angle_error(double found, double wanted) {
    const double difference = std::fmod(std::abs(found - wanted), 180.0);
    return std::min(difference, 180 - difference);
}

TEST(BarcodeLocator, FindsTiltedBarsAndTheirDirection) {
    const auto label = render_barcode(Symbology::ean13, "9786010000018", 3, 90);
    for (const double angle : {-60.0, -25.0, 0.0, 20.0, 45.0}) {
        const auto frame = gray(scene_with(label, {.angle_deg = angle, .seed = 3}));
        const auto candidates = BarcodeLocator().find(frame, 1);
        ASSERT_EQ(candidates.size(), 1u) << angle;
        EXPECT_LT(angle_error(degrees(candidates[0].across_angle), angle), 5) << angle;
        EXPECT_NEAR(candidates[0].center.x, 640, 40) << angle;
        EXPECT_NEAR(candidates[0].center.y, 360, 40) << angle;
        EXPECT_GT(candidates[0].size.width, candidates[0].size.height) << angle;
    }
}

TEST(BarcodeLocator, FindsLittleInClutterWithoutBars) {
    std::size_t found = 0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed)
        found += BarcodeLocator().find(gray(empty_scene({.noise_sigma = 4, .seed = seed})), 3).size();
    EXPECT_LE(found, 1u);
    EXPECT_TRUE(BarcodeLocator().find(cv::Mat(), 3).empty());
    EXPECT_TRUE(BarcodeLocator().find(cv::Mat(720, 1280, CV_8U, cv::Scalar(128)), 3).empty());
}

TEST(BarcodeLocator, CropsCandidatesUprightWithAWayBack) {
    const auto label = render_barcode(Symbology::code128, "KTP-00017", 3, 80);
    const auto frame = gray(scene_with(label, {.angle_deg = 30, .seed = 4}));
    const auto candidates = BarcodeLocator().find(frame, 1);
    ASSERT_EQ(candidates.size(), 1u);
    const auto crop = crop_upright(frame, candidates[0]);
    EXPECT_GT(crop.image.cols, candidates[0].size.width);
    // The crop's centre maps back onto the candidate's centre.
    const auto back = crop.to_source * cv::Vec3d(crop.image.cols / 2.0, crop.image.rows / 2.0, 1);
    EXPECT_NEAR(back[0], candidates[0].center.x, 2);
    EXPECT_NEAR(back[1], candidates[0].center.y, 2);
    // Upright bars: columns vary little from top to bottom in the middle of the crop.
    cv::Mat rows;
    cv::reduce(crop.image(cv::Rect(0, crop.image.rows / 3, crop.image.cols, crop.image.rows / 3)), rows, 0,
               cv::REDUCE_AVG, CV_32F);
    cv::Scalar mean, deviation;
    cv::meanStdDev(rows, mean, deviation);
    EXPECT_GT(deviation[0], 60);  // averaging down the columns keeps the bars' contrast

    const auto enlarged = crop_upright(frame, candidates[0], 2);
    EXPECT_NEAR(enlarged.image.cols, 2 * crop.image.cols, 2);
    const auto corner = enlarged.to_source * cv::Vec3d(0, 0, 1);
    const auto same_corner = crop.to_source * cv::Vec3d(0, 0, 1);
    EXPECT_NEAR(corner[0], same_corner[0], 2);
    EXPECT_NEAR(corner[1], same_corner[1], 2);
}

}  // namespace
}  // namespace kitap::devices
