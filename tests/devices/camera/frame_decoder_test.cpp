#include "devices/camera/frame_decoder.hpp"

#include "tests/devices/support/synthetic_frames.hpp"
#include "tests/support/temp_dir.hpp"

#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <csignal>
#include <fstream>

namespace kitap::devices {
namespace {

using namespace testing;
using kitap::testing::TempDir;

const std::filesystem::path data = KITAP_DEVICES_TEST_DATA;

FrameDecoder decoder(DecoderOptions options = {}) {
    auto made = FrameDecoder::make(std::move(options));
    EXPECT_TRUE(made);
    return std::move(*made);
}

struct Golden {
    std::string name;
    Symbology symbology;
    std::string written;
    std::string expected;
    int module_px;
    SceneOptions scene;
};

// Webcam-like frames of each default format, at angles and in conditions the
// kiosk meets, written as files with the expected text beside each (zxing's
// samples/x/7.png + 7.txt layout) and decoded back from the files.
std::vector<Golden> goldens() {
    return {
        {"isbn-upright", Symbology::ean13, "9786010000018", "9786010000018", 3, {.seed = 1}},
        {"isbn-tilted-30",
         Symbology::ean13,
         "9786017062217",
         "9786017062217",
         3,
         {.angle_deg = 30, .blur_sigma = 0.8, .noise_sigma = 4, .jpeg_quality = 80, .seed = 2}},
        {"label-tilted-40",
         Symbology::code128,
         "KTP-00017",
         "KTP-00017",
         3,
         {.angle_deg = -40, .perspective = 0.15, .lighting = 0.4, .seed = 3}},
        {"card-codabar",
         Symbology::codabar,
         "A20000014B",
         "20000014",
         3,
         {.angle_deg = 5, .noise_sigma = 6, .contrast = 0.6, .jpeg_quality = 70, .seed = 4}},
        {"qr-rotated",
         Symbology::qr,
         "Абай Құнанбайұлы. Қара сөздер",
         "Абай Құнанбайұлы. Қара сөздер",
         4,
         {.angle_deg = 120, .perspective = 0.1, .blur_sigma = 0.6, .seed = 5}},
    };
}

TEST(FrameDecoder, ReadsGoldenFramesFromFiles) {
    TempDir dir;
    for (const auto& golden : goldens()) {
        const auto label = render_barcode(golden.symbology, golden.written, golden.module_px, 90);
        const auto extension = golden.scene.jpeg_quality ? ".jpg" : ".png";
        ASSERT_TRUE(cv::imwrite((dir / (golden.name + extension)).string(), scene_with(label, golden.scene)));
        std::ofstream(dir / (golden.name + ".txt")) << golden.expected;
    }
    const auto frame_decoder = decoder();
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().extension() == ".txt") continue;
        std::ifstream expected_file(std::filesystem::path(entry.path()).replace_extension(".txt"));
        const std::string expected((std::istreambuf_iterator<char>(expected_file)), {});
        const auto result = frame_decoder.decode(cv::imread(entry.path().string()));
        ASSERT_TRUE(result.read) << entry.path().filename();
        EXPECT_EQ(result.read->text, expected) << entry.path().filename();
        EXPECT_TRUE(result.rejected.empty()) << entry.path().filename();
    }
}

TEST(FrameDecoder, RecoversTiltedLinearCodesWithTheAngledPass) {
    const auto label = render_barcode(Symbology::code128, "KTP-12345", 3, 80);
    const auto frame = scene_with(label, {.angle_deg = 35, .seed = 6});
    const auto plain = decoder({.angled_pass = false}).decode(frame);
    EXPECT_FALSE(plain.read);  // beyond ~15 degrees, no single zxing pass reads it
    const auto result = decoder().decode(frame);
    ASSERT_TRUE(result.read);
    EXPECT_EQ(result.read->text, "KTP-12345");
    EXPECT_EQ(result.read->pass, DecodePass::angled);
    // The outline is mapped back onto the frame: around the label in its middle.
    const auto centre = (result.read->outline[0] + result.read->outline[2]) * 0.5f;
    EXPECT_NEAR(centre.x, 640, 60);
    EXPECT_NEAR(centre.y, 360, 60);
}

// A shop's EAN-13 beside the ISBN: one symbol per pass may find the price code
// first; it is rejected, painted over, and the ISBN read on a second pass.
TEST(FrameDecoder, FindsTheIsbnBesideARejectedPriceCode) {
    const auto isbn = render_barcode(Symbology::ean13, "9786010000018", 3, 90);
    const auto price = render_barcode(Symbology::ean13, "4600000000008", 3, 90);
    cv::Mat both(isbn.rows, isbn.cols + price.cols, CV_8U);
    price.copyTo(both(cv::Rect(0, 0, price.cols, price.rows)));
    isbn.copyTo(both(cv::Rect(price.cols, 0, isbn.cols, isbn.rows)));
    const auto result = decoder().decode(scene_with(both, {.seed = 7}));
    ASSERT_TRUE(result.read);
    EXPECT_EQ(result.read->text, "9786010000018");
    for (const auto& rejected : result.rejected) EXPECT_EQ(rejected.text, "4600000000008");
}

TEST(FrameDecoder, RejectsAPriceCodeAloneAndSaysWhy) {
    const auto price = render_barcode(Symbology::ean13, "4600000000008", 3, 90);
    const auto result = decoder().decode(scene_with(price, {.seed = 8}));
    EXPECT_FALSE(result.read);
    ASSERT_FALSE(result.rejected.empty());
    EXPECT_EQ(result.rejected[0].rejected_because, "not an ISBN (prefix 460)");
    EXPECT_EQ(result.rejected[0].symbology, Symbology::ean13);
}

TEST(FrameDecoder, RejectsCodabarOfTheWrongLength) {
    DecoderOptions options;
    options.validation.codabar_min_length = options.validation.codabar_max_length = 8;
    const auto short_label = render_barcode(Symbology::codabar, "A401567B", 3, 80);
    const auto result = decoder(options).decode(scene_with(short_label, {.seed = 9}));
    EXPECT_FALSE(result.read);
    ASSERT_FALSE(result.rejected.empty());
    EXPECT_EQ(result.rejected[0].rejected_because, "Codabar length 6 outside 8..8");
}

TEST(FrameDecoder, ReadsOnlyTheFormatsItWasGiven) {
    const auto dm = render_barcode(Symbology::data_matrix, "DM-42", 6);
    EXPECT_FALSE(decoder().decode(scene_with(dm, {.seed = 10})).read);
    const auto result = decoder({.formats = {Symbology::data_matrix}}).decode(scene_with(dm, {.seed = 10}));
    ASSERT_TRUE(result.read);
    EXPECT_EQ(result.read->symbology, Symbology::data_matrix);
}

TEST(FrameDecoder, FindsNothingInAnEmptyScene) {
    const auto frame_decoder = decoder();
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        const auto result = frame_decoder.decode(empty_scene({.noise_sigma = 5, .seed = seed}));
        EXPECT_FALSE(result.read);
        EXPECT_GE(result.milliseconds, 0);
    }
}

// The sample that made Debian's zxing abort inside ReadBarcodes: with its
// default hints the process dies; through the decoder it is just a frame.
TEST(FrameDecoder, SurvivesTheImageThatAbortsZxingsDefaults) {
    const auto image = cv::imread((data / "zxing_abort_hazard.png").string(), cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(image.empty());
    GTEST_FLAG_SET(death_test_style, "threadsafe");  // OpenCV may have its worker threads up by now
    EXPECT_EXIT(
        {
            ZXing::ReadBarcodes({image.data, image.cols, image.rows, ZXing::ImageFormat::Lum});
            std::exit(0);
        },
        ::testing::KilledBySignal(SIGABRT), "lineCount");
    const auto result = decoder().decode(image);
    ASSERT_TRUE(result.read);
    EXPECT_EQ(result.read->text, "9786017062217");  // the ISBN among its codes
}

TEST(FrameDecoder, TakesAnyImageWithoutCrashing) {
    const auto frame_decoder = decoder();
    EXPECT_FALSE(frame_decoder.decode(cv::Mat()).read);
    EXPECT_FALSE(frame_decoder.decode(cv::Mat(1, 1, CV_8U, cv::Scalar(0))).read);
    EXPECT_FALSE(frame_decoder.decode(cv::Mat(3, 1000, CV_8UC3, cv::Scalar(0))).read);
    EXPECT_FALSE(frame_decoder.decode(cv::Mat(50, 50, CV_32FC1, cv::Scalar(0.5))).read);
    EXPECT_FALSE(frame_decoder.decode(cv::Mat(50, 50, CV_8UC2, cv::Scalar(9))).read);
    const int sizes[] = {4, 4, 4};
    EXPECT_FALSE(frame_decoder.decode(cv::Mat(3, sizes, CV_8U, cv::Scalar(0))).read);
    // 16-bit and BGRA frames, and one larger than max_side, are converted first.
    const auto label = render_barcode(Symbology::ean13, "9786010000018", 3, 90);
    cv::Mat wide;
    scene_with(label, {.seed = 11}).convertTo(wide, CV_16UC3, 256);
    EXPECT_TRUE(frame_decoder.decode(wide).read);
    cv::Mat bgra;
    cv::cvtColor(scene_with(label, {.seed = 12}), bgra, cv::COLOR_BGR2BGRA);
    EXPECT_TRUE(frame_decoder.decode(bgra).read);
    const auto huge = scene_with(render_barcode(Symbology::ean13, "9786010000018", 8, 240),
                                 {.frame = {3600, 2400}, .clutter = false, .seed = 13});
    const auto result = decoder({.max_side = 1800}).decode(huge);
    ASSERT_TRUE(result.read);
    EXPECT_NEAR(result.read->outline[0].x, 1800 - 48 * 8, 100);  // in the huge frame's pixels
}

TEST(FrameDecoder, RefusesOptionsThatCannotWork) {
    EXPECT_FALSE(FrameDecoder::make({.formats = {}}));
    DecoderOptions bad_pattern;
    bad_pattern.validation.patterns[Symbology::qr] = "(";
    const auto made = FrameDecoder::make(bad_pattern);
    ASSERT_FALSE(made);
    EXPECT_EQ(made.error().subject, "patterns.qr");
}

}  // namespace
}  // namespace kitap::devices
