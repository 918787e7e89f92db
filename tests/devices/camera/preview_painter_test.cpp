#include "devices/camera/preview_painter.hpp"

#include <gtest/gtest.h>

namespace kitap::devices {
namespace {

cv::Vec4b pixel(const cv::Mat& image, int x, int y) { return image.at<cv::Vec4b>(y, x); }

TEST(PreviewPainter, OutlinesCodesInTheColourOfTheirFate) {
    const cv::Mat frame(200, 400, CV_8UC3, cv::Scalar(0, 0, 0));
    const auto preview =
        paint_preview(frame, {{{cv::Point2f{50, 50}, {150, 50}, {150, 150}, {50, 150}}, OutlineKind::accepted, ""},
                              {{cv::Point2f{250, 50}, {350, 50}, {350, 150}, {250, 150}}, OutlineKind::rejected, ""}});
    ASSERT_EQ(preview.type(), CV_8UC4);
    EXPECT_EQ(pixel(preview, 100, 50), cv::Vec4b(40, 200, 60, 255));   // green, RGBA
    EXPECT_EQ(pixel(preview, 300, 150), cv::Vec4b(220, 50, 50, 255));  // red
    EXPECT_EQ(pixel(preview, 100, 100), cv::Vec4b(0, 0, 0, 255));      // inside: the picture
}

TEST(PreviewPainter, WidensTheLineThatOutlinesA1dRead) {
    const cv::Mat frame(200, 400, CV_8UC1, cv::Scalar(0));
    const auto preview = paint_preview(
        frame, {{{cv::Point2f{100, 100}, {300, 100}, {300, 101}, {100, 101}}, OutlineKind::unconfirmed, ""}});
    EXPECT_EQ(pixel(preview, 200, 100 - 14), cv::Vec4b(240, 200, 40, 255));
    EXPECT_EQ(pixel(preview, 200, 101 + 14), cv::Vec4b(240, 200, 40, 255));
}

TEST(PreviewPainter, PaintsNothingOnNothing) { EXPECT_TRUE(paint_preview(cv::Mat(), {}).empty()); }

}  // namespace
}  // namespace kitap::devices
